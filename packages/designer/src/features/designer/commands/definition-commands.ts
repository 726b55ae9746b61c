/** Commands on the definition itself: names, starters, start form, unit field, case schema, parameters. */
import type { LocalizedText } from '@flowform/engine/browser';
import type { DesignDoc } from '../model/design-doc';
import { getAt } from '../model/json-ops';
import { type DocStack, FIELD_NAME, putOrDelete } from './command-types';

const SETTABLE = ['name', 'description', 'starters', 'startForm', 'unitField', 'confidential'] as const;
export type DefinitionField = (typeof SETTABLE)[number];

const REQUIRED = new Set<DefinitionField>(['name', 'description', 'starters']);

export function registerDefinitionCommands(stack: DocStack): void {
  // importing a bundle replaces the whole document as one undoable step
  stack.register<{ doc: DesignDoc }>('document.replace', {
    canExecute: (doc, p) =>
      p.doc.definition.key === doc.definition.key ? undefined : 'The bundle is for another process',
    execute(ctx) {
      ctx.apply({ op: 'put', path: ['definition'], value: ctx.params.doc.definition });
      ctx.apply({ op: 'put', path: ['forms'], value: ctx.params.doc.forms });
    },
  });

  stack.register<{ field: DefinitionField; value: unknown }>('definition.set', {
    canExecute(_doc, { field, value }) {
      if (!SETTABLE.includes(field)) return `'${field}' cannot be set here`;
      return value === undefined && REQUIRED.has(field) ? `The definition needs its ${field}` : undefined;
    },
    execute(ctx) {
      const { field, value } = ctx.params;
      const def = ctx.doc.definition as unknown as Record<string, unknown>;
      putOrDelete(ctx, ['definition', field], value, Object.hasOwn(def, field));
    },
  });

  stack.register<{ name: string; schema?: Record<string, unknown> }>('caseSchema.setField', {
    canExecute: (_doc, { name }) =>
      FIELD_NAME.test(name) ? undefined : `'${name}' is not a valid field name`,
    execute(ctx) {
      const { name, schema } = ctx.params;
      const path = ['definition', 'caseSchema', 'properties', name];
      if (!getAt(ctx.doc, ['definition', 'caseSchema', 'properties']))
        ctx.apply({ op: 'put', path: ['definition', 'caseSchema', 'properties'], value: {} });
      putOrDelete(ctx, path, schema, getAt(ctx.doc, path) !== undefined);
    },
  });

  stack.register<{ name: string; value?: { value: unknown; label: LocalizedText } }>('parameter.set', {
    canExecute: (_doc, { name }) =>
      /^[a-zA-Z][a-zA-Z0-9]*$/.test(name) ? undefined : `'${name}' is not a valid name`,
    execute(ctx) {
      const { name, value } = ctx.params;
      if (!ctx.doc.definition.parameters)
        ctx.apply({ op: 'put', path: ['definition', 'parameters'], value: {} });
      const path = ['definition', 'parameters', name];
      putOrDelete(ctx, path, value, getAt(ctx.doc, path) !== undefined);
    },
  });
}

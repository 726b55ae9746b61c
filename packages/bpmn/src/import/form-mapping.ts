/**
 * Form keys → form references with placeholder forms: `camunda:formKey="embedded:app:forms/approve.html"`
 * or Zeebe's `formDefinition` becomes `<process>.approve`, an empty form (or one holding the fields of
 * `camunda:formData`, which also join the case schema) for the author to design.
 */
import type { FormDefinition } from '@flowform/engine/browser';
import type { BpmnNode } from '../graph/bpmn-graph';
import { vendorAttribute, vendorElements, zeebeAttribute } from '../graph/vendor-extensions';
import { type CaseFieldType, type ImportContext, needField } from './import-context';
import { bothLanguages, fieldName, kebabKey } from './names';

const FIELD_TYPES: Record<string, CaseFieldType> = {
  long: 'number',
  double: 'number',
  integer: 'number',
  boolean: 'boolean',
  string: 'string',
  date: 'string',
  enum: 'string',
};

/** The form key of a user task or start event (a placeholder form is created); undefined when none. */
export function mapForm(ctx: ImportContext, node: BpmnNode): { key?: string; notes: string[] } {
  const raw =
    vendorAttribute(ctx.graph, node.element, 'formKey') ??
    zeebeAttribute(ctx.graph, node.element, 'formDefinition', 'formKey') ??
    zeebeAttribute(ctx.graph, node.element, 'formDefinition', 'formId');
  const fields = formDataFields(ctx, node);
  if (!raw && fields.length === 0) return { notes: [] };
  const last = (raw ?? node.id)
    .split(/[/:]/)
    .pop()!
    .replace(/\.[a-z]+$/i, '');
  const key = `${ctx.processKey}.${kebabKey(last, 'form')}`;
  const properties: Record<string, unknown> = {};
  for (const f of fields) {
    properties[f.name] = { title: f.label, type: f.type };
    needField(ctx, f.name, f.type);
  }
  const existing = ctx.forms[key];
  if (!existing) {
    const title = node.name ?? last;
    const form: FormDefinition = {
      key,
      version: 1,
      title: bothLanguages(title),
      schema: { type: 'object', properties },
      uiSchema: {},
      labels: Object.fromEntries(fields.map((f) => [f.name, { en: f.label }])),
    };
    ctx.forms[key] = form;
  }
  const notes = [
    raw
      ? `form key '${raw}' → placeholder form '${key}'${fields.length ? ` with ${fields.length} field(s)` : ''}: design it`
      : `form fields → placeholder form '${key}'`,
  ];
  return { key, notes };
}

function formDataFields(ctx: ImportContext, node: BpmnNode) {
  const fields: { name: string; label: string; type: Exclude<CaseFieldType, 'array'> }[] = [];
  for (const data of vendorElements(ctx.graph, node.element, 'formData')) {
    for (const child of data.$children ?? []) {
      const name = fieldName(String(child.id ?? ''));
      if (!name) continue;
      const type = FIELD_TYPES[String(child.type ?? 'string')] ?? 'string';
      fields.push({
        name,
        label: String(child.label ?? name),
        type: type as Exclude<CaseFieldType, 'array'>,
      });
    }
  }
  return fields;
}

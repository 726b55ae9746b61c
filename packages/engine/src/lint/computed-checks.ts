/**
 * Lint of computed values. A computed case field (`computed`) must be a case field, its expression
 * must type-check against the case schema and yield the field's type, and no computed field may
 * read itself through others (`computed-cycle`), nor be written by an action (`computed-assigned`).
 * A form's computed field (`ui:options.computed`) the same, over the form's own fields.
 */
import {
  type ComputedFields,
  computedOption,
  computedOrder,
  formComputed,
  formEnvironment,
} from '../computed';
import type { ActionRef, FormDefinition, ProcessDefinition } from '../definition/definition-types';
import type { CelEnvironment, ExpectedType } from '../expressions';
import type { StateIndex } from '../machine/state-index';
import { type FlowEdge, transitionAt } from './flow-graph';
import { type ProblemList, statePointer } from './lint-types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The CEL result type a JSON Schema field type asks for, with a check for what `check` cannot say. */
function expectedFor(schema: unknown): { expected: ExpectedType; fits: (type: string) => boolean } {
  const type = isObject(schema) ? schema.type : undefined;
  const any = { expected: 'dyn' as const, fits: () => true };
  switch (type) {
    case 'number':
      return { expected: 'number', fits: () => true };
    case 'integer':
      return { expected: 'number', fits: (t) => t === 'int' || t === 'uint' || t === 'dyn' };
    case 'string':
      return { expected: 'string', fits: () => true };
    case 'boolean':
      return { expected: 'bool', fits: () => true };
    case 'array':
      return { expected: 'dyn', fits: (t) => t === 'dyn' || t.startsWith('list<') };
    case 'object':
      return {
        expected: 'dyn',
        fits: (t) => t === 'dyn' || t.startsWith('map<') || t.startsWith('flowform.'),
      };
    default:
      return any;
  }
}

/** Checks one set of computed fields against the environment and the fields' schemas. */
function checkFields(
  fields: ComputedFields,
  properties: Record<string, unknown>,
  env: CelEnvironment,
  pointer: (field: string) => string,
  where: string,
  problems: ProblemList,
): void {
  for (const [field, source] of Object.entries(fields)) {
    if (!Object.hasOwn(properties, field)) {
      problems.error(
        'computed-unknown-field',
        pointer(field),
        `${where}: computed field '${field}' is not declared`,
        `Declare '${field}' under properties, or compute a declared field`,
      );
      continue;
    }
    const { expected, fits } = expectedFor(properties[field]);
    const checked = env.check(source, expected);
    if (!checked.ok) {
      const typeError = checked.code === 'cel-type' && checked.message.startsWith('expected');
      problems.error(
        typeError ? 'computed-type' : checked.code,
        pointer(field),
        `${where}: computed field '${field}': ${checked.message}`,
        typeError
          ? `Make the expression yield the field's type (${String((properties[field] as { type?: unknown }).type)})`
          : 'Make the expression type-check against the fields it reads',
      );
    } else if (!fits(checked.type)) {
      problems.error(
        'computed-type',
        pointer(field),
        `${where}: computed field '${field}' is ${String((properties[field] as { type?: unknown }).type)} but the expression gives ${checked.type}`,
        "Make the expression yield the field's type (int() for an integer)",
      );
    }
  }
  const order = computedOrder(fields);
  if ('cycle' in order) {
    problems.error(
      'computed-cycle',
      pointer(order.cycle[0]!),
      `${where}: computed fields read each other in a cycle: ${order.cycle.join(' → ')}`,
      'Compute each field from entered data or from computed fields that do not read it back (not data as a whole)',
    );
  }
}

/** The definition's computed case fields, and the actions that would overwrite them. */
export function checkCaseComputed(
  def: ProcessDefinition,
  index: StateIndex,
  edges: FlowEdge[],
  cel: CelEnvironment,
  problems: ProblemList,
): void {
  if (def.computed === undefined) return;
  const fields = isObject(def.computed) ? (def.computed as ComputedFields) : {};
  const properties = isObject(def.caseSchema.properties) ? def.caseSchema.properties : {};
  checkFields(fields, properties, cel, (f) => `/computed/${f}`, 'caseSchema', problems);
  const assigned = (list: ActionRef[] | undefined, pointer: string) =>
    list?.forEach((a, i) => {
      const field = a.type === 'assignCel' ? a.params?.field : undefined;
      if (typeof field === 'string' && Object.hasOwn(fields, field))
        problems.error(
          'computed-assigned',
          `${pointer}/${i}/params/field`,
          `Case field '${field}' is computed; an action may not set it`,
          'Change what the field is computed from, or set another field',
        );
    });
  for (const edge of edges) assigned(transitionAt(def, edge.pointer)?.actions, `${edge.pointer}/actions`);
  for (const [id, info] of index) {
    assigned(info.def.entry, `${statePointer(id)}/entry`);
    assigned(info.def.exit, `${statePointer(id)}/exit`);
  }
}

/** A form's computed fields: text, top-level, declared, typed, acyclic. */
export function checkFormComputed(key: string, form: FormDefinition, problems: ProblemList): void {
  const ui = isObject(form.uiSchema) ? form.uiSchema : {};
  for (const [field, entry] of Object.entries(ui)) {
    const at = `/forms/${key}/uiSchema/${field}`;
    for (const [inner, sub] of Object.entries(isObject(entry) ? entry : {}))
      if (computedOption(sub) !== undefined)
        problems.error(
          'form-computed-nested',
          `${at}/${inner}/ui:options/computed`,
          `Form '${key}' field '${field}/${inner}': computed works on top-level fields only`,
          `Compute '${field}' as a whole, or move the field out of the section`,
        );
    const source = computedOption(entry);
    if (source !== undefined && (typeof source !== 'string' || !source.trim()))
      problems.error(
        'form-computed-invalid',
        `${at}/ui:options/computed`,
        `Form '${key}' field '${field}': computed is not CEL text`,
        'Write a CEL expression over the form’s fields, such as sum(data.items.map(i, i.value))',
      );
  }
  const fields = formComputed(form);
  if (Object.keys(fields).length === 0 || !isObject(form.schema)) return;
  const properties = isObject(form.schema.properties) ? form.schema.properties : {};
  const env = formEnvironment(form.schema);
  checkFields(
    fields,
    properties,
    env,
    (f) => `/forms/${key}/uiSchema/${f}/ui:options/computed`,
    `Form '${key}'`,
    problems,
  );
}

/** The form designer's field palette: what each kind writes into the schema, the UI schema and the case schema. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'amount'
  | 'date'
  | 'select'
  | 'multiSelect'
  | 'user'
  | 'unit'
  | 'table'
  | 'section';

export const FIELD_KINDS: FieldKind[] = [
  'text',
  'textarea',
  'number',
  'amount',
  'date',
  'select',
  'multiSelect',
  'user',
  'unit',
  'table',
  'section',
];

type Json = Record<string, unknown>;

const USERNAME = '^[a-z][a-z0-9_.-]{0,31}$';
const UNIT_ID = '^[a-z][a-z0-9-]{0,63}$';
const options = (): Json[] => [
  { const: 'optionA', title: '选项一' },
  { const: 'optionB', title: '选项二' },
];

/** The schema, UI schema and English options of a new field of `kind` titled `title`. */
export function fieldTemplate(
  kind: FieldKind,
  title: string,
): { schema: Json; ui?: Json; optionLabels?: Record<string, string> } {
  const optionLabels = { optionA: 'Option A', optionB: 'Option B' };
  switch (kind) {
    case 'text':
      return { schema: { title, type: 'string', maxLength: 200 } };
    case 'textarea':
      return {
        schema: { title, type: 'string', maxLength: 2000 },
        ui: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
      };
    case 'number':
      return { schema: { title, type: 'integer', minimum: 0 } };
    case 'amount':
      return {
        schema: { title, type: 'number', minimum: 0, maximum: 1000000, multipleOf: 0.01 },
        ui: { 'ui:options': { unit: '元' } },
      };
    case 'date':
      return { schema: { title, type: 'string', format: 'date' } };
    case 'select':
      return { schema: { title, type: 'string', oneOf: options() }, optionLabels };
    case 'multiSelect':
      return {
        schema: {
          title,
          type: 'array',
          uniqueItems: true,
          maxItems: 10,
          items: { type: 'string', oneOf: options() },
        },
        ui: { 'ui:widget': 'checkboxes' },
        optionLabels,
      };
    case 'user':
      return {
        schema: { title, type: 'string', pattern: USERNAME, maxLength: 32, format: 'flowform-user' },
        ui: { 'ui:widget': 'user' },
      };
    case 'unit':
      return {
        schema: { title, type: 'string', pattern: UNIT_ID, maxLength: 64, format: 'flowform-unit' },
        ui: { 'ui:widget': 'unit' },
      };
    case 'table':
      return {
        schema: {
          title,
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { item: { title: '事项', type: 'string', maxLength: 200 } },
          },
        },
        ui: { 'ui:options': { orderable: false } },
      };
    case 'section':
      return { schema: { title, type: 'object', additionalProperties: false, properties: {} } };
  }
}

/** The kind an existing field is shown as. */
export function fieldKindOf(schema: Json, ui: Json | undefined): FieldKind {
  const widget = ui?.['ui:widget'];
  if (widget === 'user' || schema.format === 'flowform-user') return 'user';
  if (widget === 'unit' || schema.format === 'flowform-unit') return 'unit';
  if (widget === 'textarea') return 'textarea';
  if (schema.type === 'object') return 'section';
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Json;
    return items.type === 'object' ? 'table' : 'multiSelect';
  }
  if (schema.oneOf || schema.enum) return 'select';
  if (schema.format === 'date') return 'date';
  if (schema.type === 'integer') return 'number';
  if (schema.type === 'number') return schema.multipleOf === 0.01 ? 'amount' : 'number';
  return 'text';
}

/** The case schema a form field is stored under: the same JSON type, without form-only rules. */
export function caseFieldSchema(schema: Json): Json {
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Json;
    return {
      type: 'array',
      items: items.type === 'object' ? { type: 'object' } : { type: items.type ?? 'string' },
    };
  }
  return { type: schema.type ?? 'string' };
}

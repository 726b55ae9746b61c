/** One field's properties: id, label and help in both languages, required, limits, options, show-if. */
import type { LocalizedText } from '@flowform/engine/browser';
import type { FieldOption, Limits } from '../commands/form-fields/field-params';
import { useDesignerText } from '../i18n/use-designer-text';
import { CelEditor } from '../inputs/cel-editor';
import { CommitInput, LocalizedInput } from '../inputs/localized-input';
import { fieldKindOf } from '../model/field-kinds';
import { containerPath, fieldSchema, formAt, segmentsOf } from '../model/form-paths';
import { getAt } from '../model/json-ops';
import { useDesigner } from '../state/designer-context';
import { OptionsEditor } from './options-editor';

type Json = Record<string, unknown>;

const LIMITS: Record<string, (keyof Limits)[]> = {
  number: ['minimum', 'maximum'],
  amount: ['minimum', 'maximum'],
  text: ['minLength', 'maxLength'],
  textarea: ['minLength', 'maxLength'],
  multiSelect: ['maxItems'],
  table: ['maxItems'],
};
const LIMIT_LABEL = {
  minimum: 'field.min',
  maximum: 'field.max',
  minLength: 'field.minLength',
  maxLength: 'field.maxLength',
  maxItems: 'field.maxItems',
  minItems: 'field.maxItems',
} as const;

export function FieldProperties({
  form,
  field,
  onRemoved,
  onRenamed,
}: {
  form: string;
  field: string;
  onRemoved: () => void;
  /** The field has a new id: select it under its new pointer. */
  onRenamed: (pointer: string) => void;
}) {
  const { doc, modeling } = useDesigner();
  const { dt } = useDesignerText();
  const schema = fieldSchema(doc, form, field);
  if (!schema) return <p className="ff-muted">{dt('field.select')}</p>;
  const segs = segmentsOf(field);
  const ui = (getAt(doc, ['forms', form, 'uiSchema', ...segs]) ?? {}) as Json;
  const kind = fieldKindOf(schema, ui);
  const labels = (formAt(doc, form)?.labels ?? {}) as Record<string, { en?: string; help?: LocalizedText }>;
  const required = (getAt(doc, [...containerPath(form, segs.slice(0, -1)), 'required']) ?? []) as string[];
  const name = segs[segs.length - 1]!;
  const holder = (schema.type === 'array' ? schema.items : schema) as Json;
  const options: FieldOption[] = ((holder?.oneOf ?? []) as Json[]).map((o) => ({
    value: String(o.const),
    zh: String(o.title ?? o.const),
    en: labels[`${field}/${String(o.const)}`]?.en ?? '',
  }));
  const ref = { form, field };
  return (
    <section className="ff-field-props" aria-label={dt('props.title')}>
      <h3>
        {String(schema.title ?? name)} <code>{name}</code>
      </h3>
      <CommitInput
        label={dt('field.id')}
        name="field-id"
        value={name}
        onCommit={(to) => {
          const renamed = modeling.renameField(ref, to.trim());
          if (renamed) onRenamed(renamed);
        }}
      />
      <LocalizedInput
        label={dt('field.label')}
        name="field-label"
        value={{ 'zh-CN': String(schema.title ?? ''), en: labels[field]?.en ?? '' }}
        onCommit={(label) => modeling.setFieldLabel(ref, label)}
      />
      <LocalizedInput
        label={dt('field.help')}
        multiline
        value={labels[field]?.help ?? { 'zh-CN': String(schema.description ?? ''), en: '' }}
        onCommit={(help) => modeling.setFieldHelp(ref, help)}
      />
      <label className="ff-check">
        <input
          type="checkbox"
          name="field-required"
          checked={required.includes(name)}
          onChange={(e) => modeling.setFieldRequired(ref, e.target.checked)}
        />{' '}
        {dt('field.required')}
      </label>
      {(LIMITS[kind] ?? []).length > 0 && (
        <fieldset className="ff-group-fields">
          <legend>{dt('field.limits')}</legend>
          {(LIMITS[kind] ?? []).map((key) => (
            <CommitInput
              key={key}
              label={dt(LIMIT_LABEL[key])}
              type="number"
              value={schema[key] === undefined ? '' : String(schema[key])}
              onCommit={(v) => modeling.setFieldLimits(ref, { [key]: v === '' ? undefined : Number(v) })}
            />
          ))}
        </fieldset>
      )}
      {(kind === 'select' || kind === 'multiSelect') && (
        <OptionsEditor options={options} onChange={(next) => modeling.setFieldOptions(ref, next)} />
      )}
      {segs.length === 1 && (
        <CelEditor
          label={dt('field.showIf')}
          value={String(((ui['ui:options'] ?? {}) as Json).showIf ?? '')}
          onCommit={(expr) => modeling.setFieldShowIf(ref, expr)}
        />
      )}
      <button
        type="button"
        className="btn btn-small btn-danger"
        onClick={() => {
          if (modeling.removeField(ref)) onRemoved();
        }}
      >
        {dt('field.remove')}
      </button>
    </section>
  );
}

import { type FormDefinition, isSchemaObject, type Locale } from '@flowform/engine/browser';
import { usePeople } from '../api/people';
import { localizeForm } from './localize-form';
import { useUnits } from '../api/use-directory';
import { formatDate, formatNumber, formatYuan } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { safeHref } from '../ui/safe-url';

type Json = Record<string, unknown>;

/** A form's fields with the case's values, read-only, as a definition list (all text). */
export function FieldValues({
  form,
  labels,
  data,
}: {
  form: { schema: Json; uiSchema: Json };
  labels?: FormDefinition['labels'];
  data: Json;
}) {
  const { locale, t } = useI18n();
  const { schema, uiSchema } = localizeForm(form, labels, locale);
  const props = isSchemaObject(schema.properties) ? schema.properties : {};
  const order = Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as string[]) : [];
  const keys = [...order.filter((k) => k in props), ...Object.keys(props).filter((k) => !order.includes(k))];
  const widget = (key: string) => {
    const ui = (uiSchema[key] ?? {}) as Json;
    const items = isSchemaObject(ui.items) ? ui.items : {};
    const field = isSchemaObject(props[key]) ? props[key] : {};
    const value = isSchemaObject(field.items) ? field.items : field;
    // A directory reference declared by its format shows names as a picker field does.
    const format =
      value.format === 'flowform-user' ? 'user' : value.format === 'flowform-unit' ? 'unit' : undefined;
    return (ui['ui:widget'] ?? items['ui:widget'] ?? format) as string | undefined;
  };
  const people = usePeople(
    keys.filter((k) => widget(k) === 'user').flatMap((k) => [data[k]].flat().map(String)),
  );
  const units = useUnits([]);
  const named = (key: string, value: unknown): unknown => {
    if (widget(key) === 'user')
      return Array.isArray(value)
        ? value.map((v) => people(String(v), locale))
        : people(String(value), locale);
    if (widget(key) === 'unit' && typeof value === 'string') {
      const unit = units?.find((u) => u.id === value);
      return unit ? (locale === 'en' ? unit.name.en : unit.name['zh-CN']) : value;
    }
    return value;
  };
  const shown = keys.filter(
    (k) =>
      data[k] !== undefined &&
      data[k] !== '' &&
      !(Array.isArray(data[k]) && (data[k] as unknown[]).length === 0),
  );
  if (shown.length === 0) return <p className="muted">{t('state.empty')}</p>;
  return (
    <dl className="facts data-view">
      {shown.map((key) => {
        const sub = (props[key] ?? {}) as Json;
        const ui = (uiSchema[key] ?? {}) as Json;
        const unit = isSchemaObject(ui['ui:options']) ? ui['ui:options'].unit : undefined;
        return (
          <div key={key} className="fact">
            <dt>{typeof sub.title === 'string' ? sub.title : key}</dt>
            <dd>
              <Value
                schema={sub}
                value={data[key]}
                text={display(sub, named(key, data[key]), locale, unit === '元', t('form.yes'), t('form.no'))}
              />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A URL field links only to http(s)/mailto addresses (`javascript:` stays text); all else is text. */
function Value({ schema, value, text }: { schema: Json; value: unknown; text: string }) {
  const href = schema.format === 'uri' ? safeHref(value) : undefined;
  return href ? (
    <a href={href} rel="noopener noreferrer" target="_blank">
      {text}
    </a>
  ) : (
    <>{text}</>
  );
}

/** A value as text: option names for enums, yuan for amounts, dates, lists joined. */
export function display(
  schema: Json,
  value: unknown,
  locale: Locale,
  yuan: boolean,
  yes: string,
  no: string,
): string {
  if (Array.isArray(value)) {
    const items = isSchemaObject(schema.items) ? schema.items : {};
    return value.map((v) => display(items, v, locale, false, yes, no)).join(locale === 'en' ? ', ' : '、'); // formatList, inline to keep display() pure
  }
  if (isSchemaObject(value))
    return Object.values(value)
      .filter((v) => v !== undefined && v !== '')
      .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
      .join(' · ');
  const option = Array.isArray(schema.oneOf)
    ? (schema.oneOf as Json[]).find((b) => isSchemaObject(b) && b.const === value)
    : undefined;
  if (option && typeof option.title === 'string') return option.title;
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') return yuan ? formatYuan(locale, value) : formatNumber(locale, value);
  if (typeof value === 'string' && schema.format === 'date') return formatDate(locale, `${value}T00:00:00`);
  return value === null || value === undefined ? '' : String(value);
}

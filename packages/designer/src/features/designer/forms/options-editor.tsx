/** The options of a choice field: stored value, Chinese and English names. */
import type { FieldOption } from '../commands/form-fields/field-params';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput } from '../inputs/localized-input';
import { uniqueKey } from '../model/design-doc';

export function OptionsEditor({
  options,
  onChange,
}: {
  options: FieldOption[];
  onChange: (next: FieldOption[]) => void;
}) {
  const { dt } = useDesignerText();
  const set = (i: number, patch: Partial<FieldOption>) =>
    onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset className="ff-group-fields ff-options">
      <legend>{dt('field.options')}</legend>
      {options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an option is its place in the list while its value is edited
        <div className="ff-option" key={`${i}-${o.value}`}>
          <CommitInput
            label={dt('field.optionValue')}
            value={o.value}
            onCommit={(value) => /^[A-Za-z0-9_-]+$/.test(value) && set(i, { value })}
          />
          <CommitInput label={dt('props.nameZh')} value={o.zh} onCommit={(zh) => set(i, { zh })} />
          <CommitInput label={dt('props.nameEn')} value={o.en} onCommit={(en) => set(i, { en })} />
          {options.length > 1 && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onChange(options.filter((_, j) => j !== i))}
            >
              {dt('props.remove')}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange([
            ...options,
            {
              value: uniqueKey(
                'option',
                options.map((o) => o.value),
              ),
              zh: '新选项',
              en: 'New option',
            },
          ])
        }
      >
        {dt('field.addOption')}
      </button>
    </fieldset>
  );
}

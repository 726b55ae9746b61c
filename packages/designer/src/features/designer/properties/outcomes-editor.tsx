/** A task's outcomes: key (the event it sends), label in both languages, comment and validation flags. */
import type { OutcomeDef } from '@flowform/engine/browser';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput, LocalizedInput } from '../inputs/localized-input';
import { uniqueKey } from '../model/design-doc';

export function OutcomesEditor({
  outcomes,
  onChange,
}: {
  outcomes: OutcomeDef[];
  onChange: (next: OutcomeDef[]) => void;
}) {
  const { dt } = useDesignerText();
  const replace = (i: number, patch: Partial<OutcomeDef>) =>
    onChange(outcomes.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const flag = (i: number, key: 'requiresComment' | 'skipValidation', on: boolean) => {
    const { [key]: _old, ...rest } = outcomes[i]!;
    onChange(outcomes.map((o, j) => (j === i ? (on ? { ...rest, [key]: true } : rest) : o)));
  };
  return (
    <fieldset className="ff-outcomes">
      <legend>{dt('props.outcomes')}</legend>
      {outcomes.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an outcome is its place in the list while its key is edited
        <div className="ff-outcome" key={`${i}-${o.key}`} data-outcome={o.key}>
          <CommitInput
            label={dt('props.outcomeKey')}
            name={`outcome-${i}-key`}
            value={o.key}
            onCommit={(key) => /^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(key) && replace(i, { key })}
          />
          <LocalizedInput
            label={dt('props.name')}
            name={`outcome-${i}-label`}
            value={o.label}
            onCommit={(label) => replace(i, { label })}
          />
          <label className="ff-check">
            <input
              type="checkbox"
              checked={!!o.requiresComment}
              onChange={(e) => flag(i, 'requiresComment', e.target.checked)}
            />{' '}
            {dt('props.requiresComment')}
          </label>
          <label className="ff-check">
            <input
              type="checkbox"
              checked={!!o.skipValidation}
              onChange={(e) => flag(i, 'skipValidation', e.target.checked)}
            />{' '}
            {dt('props.skipValidation')}
          </label>
          {outcomes.length > 1 && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onChange(outcomes.filter((_, j) => j !== i))}
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
            ...outcomes,
            {
              key: uniqueKey(
                'outcome',
                outcomes.map((o) => o.key),
              ),
              label: { 'zh-CN': '新结果', en: 'New outcome' },
            },
          ])
        }
      >
        {dt('props.addOutcome')}
      </button>
    </fieldset>
  );
}

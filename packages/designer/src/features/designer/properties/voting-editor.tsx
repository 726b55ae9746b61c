/** A task's voting rule (会签/或签/ratio/in turn/majority 表决), reject policy and which outcomes count as yes and no. */
import type { UserTaskDef, VotingDef } from '@flowform/engine/browser';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput } from '../inputs/localized-input';
import { useDesigner } from '../state/designer-context';

export function VotingEditor({ id, task }: { id: string; task: UserTaskDef }) {
  const { modeling } = useDesigner();
  const { dt } = useDesignerText();
  const setVoting = (value: UserTaskDef['voting']) => modeling.setTaskProperty(id, 'voting', value);
  const outcomeKeys = task.outcomes.map((o) => o.key);
  const voting = task.voting;
  const patchVoting = (patch: Partial<VotingDef>) => setVoting({ ...voting!, ...patch });
  return (
    <fieldset className="ff-group-fields">
      <legend>{dt('props.voting')}</legend>
      <div className="ff-field">
        <label htmlFor={`vote-${id}`}>{dt('rule.kind')}</label>
        <select
          id={`vote-${id}`}
          value={voting?.mode ?? ''}
          onChange={(e) =>
            setVoting(
              e.target.value
                ? // a task without outcomes gets no yes/no outcome here; lint reports the rule
                  ({
                    rejectPolicy: 'veto',
                    approveOutcome: outcomeKeys[0],
                    rejectOutcome: outcomeKeys[1] ?? outcomeKeys[0],
                    ...voting,
                    mode: e.target.value,
                    // a majority is decided by counting: no veto
                    ...(e.target.value === 'majority' ? { rejectPolicy: 'impossible' } : {}),
                  } as VotingDef)
                : undefined,
            )
          }
        >
          <option value="">{dt('props.voting.none')}</option>
          {(['all', 'any', 'ratio', 'sequential', 'majority'] as const).map((m) => (
            <option key={m} value={m}>
              {dt(`props.voting.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {voting?.mode === 'ratio' && (
        <CommitInput
          label={dt('props.ratio')}
          type="number"
          value={String(voting.ratio ?? 0.5)}
          onCommit={(r) => patchVoting({ ratio: Number(r) })}
        />
      )}
      {voting?.mode === 'majority' && (
        <>
          <CommitInput
            label={dt('props.quorum')}
            type="number"
            value={voting.quorum === undefined ? '' : String(voting.quorum)}
            onCommit={(q) => patchVoting({ quorum: q === '' ? undefined : Number(q) })}
          />
          <CommitInput
            label={dt('props.minVoters')}
            type="number"
            value={voting.minVoters === undefined ? '' : String(voting.minVoters)}
            onCommit={(m) => patchVoting({ minVoters: m === '' ? undefined : Number(m) })}
          />
        </>
      )}
      {voting && (
        <>
          <div className="ff-field">
            <label htmlFor={`rp-${id}`}>{dt('props.rejectPolicy')}</label>
            <select
              id={`rp-${id}`}
              value={voting.rejectPolicy}
              onChange={(e) => patchVoting({ rejectPolicy: e.target.value as VotingDef['rejectPolicy'] })}
            >
              <option value="veto">{dt('props.reject.veto')}</option>
              <option value="impossible">{dt('props.reject.impossible')}</option>
            </select>
          </div>
          {(['approveOutcome', 'rejectOutcome'] as const).map((k) => (
            <div className="ff-field" key={k}>
              <label htmlFor={`${k}-${id}`}>{dt(`props.${k}`)}</label>
              <select
                id={`${k}-${id}`}
                value={voting[k]}
                onChange={(e) => patchVoting({ [k]: e.target.value })}
              >
                {outcomeKeys.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </div>
          ))}
        </>
      )}
    </fieldset>
  );
}

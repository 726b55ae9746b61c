/** The proposed step mapping as the administrator edits it: one card per step cases can rest in. */
import type { LintProblem } from '@flowform/engine/browser';
import type { MigrationProposal } from '../api/designer-api';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';

type Policy = 'carry' | 'restart';

export function MappingRows({
  proposal,
  targets,
  votes,
  problems,
  onTarget,
  onVotes,
}: {
  proposal: MigrationProposal;
  targets: Record<string, string>;
  votes: Record<string, Policy>;
  /** A refused mapping's problems; each shows beside the step its path names. */
  problems: LintProblem[];
  onTarget: (source: string, target: string) => void;
  onVotes: (source: string, policy: Policy) => void;
}) {
  const { dt } = useDesignerText();
  const { states, added } = proposal.proposal;
  const targetStates = [...states.filter((s) => s.reason === 'same-id').map((s) => s.source), ...added];
  const problemsAt = (source: string) =>
    problems.filter((p) => p.path === `/states/${source}` || p.path === `/votes/${source}`);
  return (
    <>
      <h4>{dt('mig.mapping')}</h4>
      <ul className="ff-mig-map">
        {states.map((s) => (
          <li key={s.source} className={s.reason === 'removed' ? 'ff-mig-removed' : undefined}>
            <div className="ff-mig-source">
              <code>{s.source}</code>
              <span className="ff-muted">{dt('mig.cases', { count: proposal.running[s.source] ?? 0 })}</span>
              {s.reason === 'removed' && <span className="ff-error">{dt('mig.removed')}</span>}
            </div>
            <label>
              {dt('mig.target')}
              <select
                name={`migration-target-${s.source}`}
                value={targets[s.source] ?? ''}
                onChange={(e) => onTarget(s.source, e.target.value)}
              >
                <option value="">{dt('mig.choose')}</option>
                {targetStates.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            {s.suggestion && targets[s.source] !== s.suggestion && (
              <button
                type="button"
                className="btn btn-link"
                onClick={() => onTarget(s.source, s.suggestion!)}
              >
                {dt('mig.suggestion', { state: s.suggestion })}
              </button>
            )}
            {s.voting && (
              <label>
                {dt('mig.votes')}
                <select
                  name={`migration-votes-${s.source}`}
                  value={votes[s.source] ?? 'carry'}
                  onChange={(e) => onVotes(s.source, e.target.value as Policy)}
                >
                  <option value="carry">{dt('mig.carry')}</option>
                  <option value="restart">{dt('mig.restart')}</option>
                </select>
              </label>
            )}
            {s.form && s.form.added.length > 0 && (
              <p className="ff-muted">{dt('mig.formAdded', { fields: s.form.added.join('，') })}</p>
            )}
            {s.form && s.form.removed.length > 0 && (
              <p className="ff-muted">{dt('mig.formRemoved', { fields: s.form.removed.join('，') })}</p>
            )}
            {problemsAt(s.source).map((p) => (
              <p key={`${p.code}${p.path}`} className="ff-error ff-problem" role="alert">
                {dt(`mig.problem.${p.code}` as DesignerKey)}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {added.length > 0 && <p className="ff-muted">{dt('mig.added', { states: added.join('，') })}</p>}
    </>
  );
}

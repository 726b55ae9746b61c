/** Live problems with code and hint; choosing one selects the element it is about. */
import type { LintProblem } from '@flowform/engine/browser';
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { problemTarget } from './problem-target';
import { ProblemText } from './problem-text';

export function LintPanel({ onShow }: { onShow?: (problem: LintProblem) => void }) {
  const { problems, select } = useDesigner();
  const { dt } = useDesignerText();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const show = (p: LintProblem) => {
    const t = problemTarget(p);
    if (t.kind === 'state') select({ states: [t.id], transitions: [] });
    else if (t.kind === 'transition') select({ states: [], transitions: [t.id] });
    else select({ states: [], transitions: [] });
    onShow?.(p);
  };
  return (
    <section className="ff-lint" aria-label={dt('lint.title')}>
      <h3>
        {dt('lint.title')}{' '}
        <span className={errors ? 'ff-error' : 'ff-ok'} role="status">
          {problems.length
            ? dt('lint.summary', { errors, warnings: problems.length - errors })
            : dt('lint.ok')}
        </span>
      </h3>
      <ul>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems are recomputed on every edit
          <li key={`${p.code}-${p.path}-${i}`} className={`ff-problem ff-problem-${p.severity}`}>
            <button type="button" className="ff-problem-button" onClick={() => show(p)}>
              <ProblemText problem={p} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

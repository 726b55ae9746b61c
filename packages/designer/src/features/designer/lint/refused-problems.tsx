/** The problems the server's lint found when it refused a publish (checks the browser cannot run). */
import type { LintProblem } from '@flowform/engine/browser';
import { useDesignerText } from '../i18n/use-designer-text';
import { ProblemText } from './problem-text';

export function RefusedProblems({ problems }: { problems: LintProblem[] }) {
  const { dt } = useDesignerText();
  if (problems.length === 0) return null;
  return (
    <section className="ff-lint ff-refused" aria-label={dt('ver.refused')} role="alert">
      <h3>{dt('ver.refused')}</h3>
      <ul>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer
          <li key={`${p.code}-${p.path}-${i}`} className={`ff-problem ff-problem-${p.severity}`}>
            <ProblemText problem={p} showPath />
          </li>
        ))}
      </ul>
    </section>
  );
}

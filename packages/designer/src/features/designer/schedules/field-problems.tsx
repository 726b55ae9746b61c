/** The lint problems of one place of the definition, shown beside the field that edits it. */
import type { LintProblem } from '@flowform/engine/browser';
import { ProblemText } from '../lint/problem-text';
import { useDesigner } from '../state/designer-context';

/** Problems at `path` or below it (`/schedules/0/when`, `/schedules/0/start/data/…`). */
export function useProblemsAt(path: string): LintProblem[] {
  const { problems } = useDesigner();
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
}

export function FieldProblems({ path, id }: { path: string; id?: string }) {
  const found = useProblemsAt(path);
  if (found.length === 0) return null;
  return (
    <ul className="ff-field-problems" id={id} role="alert">
      {found.map((p) => (
        <li key={`${p.code}${p.path}${p.message}`} className={`ff-problem-${p.severity}`}>
          <ProblemText problem={p} />
        </li>
      ))}
    </ul>
  );
}

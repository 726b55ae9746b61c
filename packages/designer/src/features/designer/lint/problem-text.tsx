/** One lint problem as text: severity, code, plain-language message, the engine's message, hint. */
import type { LintProblem } from '@flowform/engine/browser';
import { useDesignerText } from '../i18n/use-designer-text';
import { friendlyMessage } from './friendly-message';

export function ProblemText({ problem: p, showPath = false }: { problem: LintProblem; showPath?: boolean }) {
  const { dt, locale } = useDesignerText();
  return (
    <>
      <span className="ff-problem-severity">
        {p.severity === 'error' ? `✖ ${dt('lint.error')}` : `▲ ${dt('lint.warning')}`}
      </span>{' '}
      <code>{p.code}</code> {showPath && <code>{p.path}</code>}{' '}
      <span className="ff-problem-friendly">{friendlyMessage(p, locale) ?? ''}</span>
      <span className="ff-problem-message">{p.message}</span>
      <span className="ff-problem-hint">{dt('lint.hint', { hint: p.hint })}</span>
    </>
  );
}

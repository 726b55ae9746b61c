import type { ProcessDefinition } from '@flowform/engine/browser';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { isActive, layoutStates } from './state-layout';

/**
 * The definition's states as a vertical flow (HTML, not a canvas): the current step(s) stand out
 * with a marker and the words "current step"; steps already passed are ticked, except the one that
 * rejected the case, which is crossed and says so; the rest are plain.
 */
export function ProcessDiagram({
  definition,
  active,
  visited,
  status,
  rejectedAt,
}: {
  definition: ProcessDefinition;
  active: string[];
  visited: string[];
  status: string;
  /** The step that rejected the case, when it was rejected. */
  rejectedAt?: string;
}) {
  const { t, locale } = useI18n();
  const boxes = layoutStates(definition.machine.states, definition.machine.initial);
  return (
    <ol className="diagram" aria-label={t('case.diagram')}>
      {boxes.map((box) => {
        const current = isActive(box.id, active) && (status === 'running' || box.final);
        const passed = !current && visited.some((v) => v === box.id || v.startsWith(`${box.id}.`));
        const rejected =
          !current &&
          rejectedAt !== undefined &&
          (rejectedAt === box.id || rejectedAt.startsWith(`${box.id}.`));
        const state = current ? 'current' : rejected ? 'rejected' : passed ? 'passed' : 'pending';
        const word = current
          ? t('case.diagram.current')
          : rejected
            ? t('case.diagram.rejected')
            : passed
              ? t('case.diagram.passed')
              : t('case.diagram.pending');
        return (
          <li
            key={box.id}
            className={`step step-${state}${box.final ? ' step-final' : ''}`}
            style={{ marginInlineStart: `${box.depth * 1.25}rem` }}
            aria-current={current ? 'step' : undefined}
          >
            <span className="step-marker" aria-hidden="true">
              {current ? '●' : rejected ? '✕' : passed ? '✓' : box.final ? '◎' : '○'}
            </span>
            <span className="step-name">{pick(box.name, locale, box.id)}</span>
            <span className="step-state">
              {word}
              {box.final ? ` · ${t('case.diagram.final')}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

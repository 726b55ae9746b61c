import type { StateDef } from '@flowform/engine/browser';
import { lazy, Suspense, useState } from 'react';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { endingStep, type LoadedCase, visitedStates } from './load-case';
import { ProcessDiagram } from './process-diagram';

/** The canvas (xyflow + ELK) is a chunk of its own: the case page paints without waiting for it. */
const CaseGraph = lazy(() => import('./case-graph'));

const PHONE = '(max-width: 600px)';

/**
 * The case's 流程图: the read-only canvas with the path taken; on a phone the step list (it reads
 * top to bottom without panning) with a button for the canvas. Clicking a step marks its record
 * in 表单数据 and scrolls to it, or says it has none yet.
 */
export function CaseDiagram({ loaded }: { loaded: LoadedCase }) {
  const { t, locale } = useI18n();
  const { caseView: c, definition } = loaded;
  const [graph, setGraph] = useState(() => !globalThis.matchMedia?.(PHONE).matches);
  const [picked, setPicked] = useState<{ id: string; text: string }>();
  if (!definition) return null;
  const list = (
    <ProcessDiagram
      definition={definition.definition}
      active={c.activeStates}
      visited={visitedStates(loaded)}
      status={c.status}
      rejectedAt={c.outcome === 'rejected' ? endingStep(loaded) : undefined}
    />
  );
  const onPick = (id: string) => {
    const state = stateName(definition.definition.machine.states, id);
    const step = pick(state, locale, id.slice(id.lastIndexOf('.') + 1));
    for (const old of document.querySelectorAll('.step-record.is-picked')) old.classList.remove('is-picked');
    const records = [...document.querySelectorAll<HTMLElement>('.step-record')].filter(
      (el) => el.dataset.state === id,
    );
    for (const el of records) el.classList.add('is-picked');
    const last = records.at(-1);
    if (last) {
      last.scrollIntoView({ block: 'center' });
      // focusable only once picked: a focusable record on the task page's case summary would take
      // the focus a refused decision gives to the field it names
      last.tabIndex = -1;
      last.focus({ preventScroll: true });
    }
    const running = c.activeStates.some((a) => a === id || a.startsWith(`${id}.`)) && c.status === 'running';
    setPicked({
      id,
      text: last
        ? t('case.graph.record', { step })
        : t('case.graph.noRecord', {
            step,
            state: running ? t('case.diagram.current') : t('case.diagram.pending'),
          }),
    });
  };
  return (
    <>
      {graph ? (
        <Suspense fallback={list}>
          <CaseGraph
            definition={definition.definition}
            records={c.records}
            active={c.activeStates}
            status={c.status}
            outcome={c.outcome}
            fallback={list}
            onPick={onPick}
            picked={picked?.id}
          />
          <p className="muted small case-graph-pick" role="status">
            {picked?.text ?? t('case.graph.hint')}
          </p>
        </Suspense>
      ) : (
        list
      )}
      <button type="button" className="btn btn-small case-graph-toggle" onClick={() => setGraph(!graph)}>
        {graph ? t('case.graph.hide') : t('case.graph.show')}
      </button>
    </>
  );
}

type States = Record<string, StateDef>;

/** The title of a (nested) state by its id, for the words under the graph. */
function stateName(states: States, id: string) {
  let at: States | undefined = states;
  let def: StateDef | undefined;
  for (const key of id.split('.')) {
    def = at?.[key];
    at = def?.states;
  }
  return def?.name ?? def?.task?.title;
}

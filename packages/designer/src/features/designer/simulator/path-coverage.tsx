/** "Walk every path": the engine's simulator over every outcome, sample and timer, with coverage. */
import { type DefinitionBundle, type SimulationReport, simulate } from '@flowform/engine/browser';
import { useState } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import type { DesignDoc } from '../model/design-doc';
import { stateIndex } from '../model/state-graph';
import { useDesigner } from '../state/designer-context';
import { browserFormValidator } from './browser-form-validator';
import { refusal } from './sim-play';

/** Who starts the walk: a rule naming only "the initiator" is played by the chosen starter. */
function walkBundle(doc: DesignDoc, starter: string): DefinitionBundle {
  const { starters } = doc.definition;
  const definition =
    starters.kind === 'initiator' && starter
      ? { ...doc.definition, starters: { kind: 'users' as const, users: [starter] } }
      : doc.definition;
  return { definition, forms: doc.forms };
}

export function PathCoverage({ starter }: { starter: string }) {
  const { doc, seed, setHighlight } = useDesigner();
  const { dt } = useDesignerText();
  const [report, setReport] = useState<SimulationReport>();
  const [error, setError] = useState<string>();
  const walk = () => {
    if (!seed) return;
    try {
      const r = simulate(walkBundle(doc, starter), seed, {
        forms: browserFormValidator,
        maxSteps: 4000,
      });
      setReport(r);
      setError(undefined);
      const uncovered = new Set(r.coverage.states.missing);
      const all = [...stateIndex(doc).keys()];
      setHighlight({
        visited: new Set(all.filter((s) => !uncovered.has(s))),
        current: new Set(),
        transitions: new Set(),
        uncovered,
      });
    } catch (e) {
      setError(refusal(e));
    }
  };
  const pct = (f: { covered: number; total: number }) =>
    `${f.covered}/${f.total} (${f.total ? Math.round((100 * f.covered) / f.total) : 100}%)`;
  return (
    <section className="ff-coverage">
      <button type="button" className="btn" onClick={walk} disabled={!seed}>
        {dt('sim.walk')}
      </button>
      {error && <p className="ff-error">{dt('sim.refused', { detail: error })}</p>}
      {report && (
        <>
          <p role="status" className="ff-coverage-line">
            {dt('sim.coverage', {
              states: pct(report.coverage.states),
              transitions: pct(report.coverage.transitions),
              paths: report.paths,
            })}
          </p>
          {[...report.coverage.states.missing, ...report.coverage.transitions.missing].length > 0 && (
            <p className="ff-muted">
              {dt('sim.missing', {
                list: [...report.coverage.states.missing, ...report.coverage.transitions.missing].join('；'),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** The simulated case's trail and data, as text. */
import { formatDateTime, pick } from '../../../i18n/format';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { stateAt } from '../model/design-doc';
import { useDesigner } from '../state/designer-context';
import type { SimCase, SimEntry } from './sim-play';

export function SimLog({ sim }: { sim: SimCase }) {
  const { doc, directory } = useDesigner();
  const { dt, locale } = useDesignerText();
  const name = (u: string) => pick(directory?.user(u)?.displayName, locale, u);
  const line = (e: SimEntry) => {
    const ev = e.event;
    if (ev.kind === 'start') return dt('sim.started', { user: name(ev.user) });
    if (ev.kind === 'timer') {
      const title = stateAt(doc, ev.state)?.task?.title ?? stateAt(doc, ev.state)?.name;
      return dt('sim.timer', {
        kind: dt(`sim.timer.${ev.timer}` as DesignerKey),
        state: pick(title, locale, ev.state),
      });
    }
    const task = stateAt(doc, ev.state)?.task;
    const outcome = task?.outcomes.find((o) => o.key === ev.outcome);
    return dt('sim.completed', {
      user: name(ev.user),
      title: pick(task?.title, locale, ev.state),
      outcome: pick(outcome?.label, locale, ev.outcome),
    });
  };
  return (
    <>
      <h4>{dt('sim.log')}</h4>
      <ol className="ff-sim-log">
        {sim.log.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the trail only grows
          <li key={i}>
            <time>{formatDateTime(locale, new Date(e.at).toISOString())}</time> {line(e)}
          </li>
        ))}
      </ol>
      <h4>{dt('sim.data')}</h4>
      <dl className="ff-sim-data">
        {Object.entries(sim.snapshot.data).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

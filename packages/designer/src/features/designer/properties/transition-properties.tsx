/** A transition's properties: its event (for outcomes and messages), where it goes, and its CEL guard. */
import { resolveTarget } from '@flowform/engine/browser';
import { pick } from '../../../i18n/format';
import { useDesignerText } from '../i18n/use-designer-text';
import { CelEditor } from '../inputs/cel-editor';
import { CommitInput } from '../inputs/localized-input';
import { stateIndex } from '../model/state-graph';
import { parseTransitionId, transitionAt, transitionId } from '../model/transitions';
import { useDesigner } from '../state/designer-context';

export function TransitionProperties({ id }: { id: string }) {
  const { doc, modeling, select } = useDesigner();
  const { dt, locale } = useDesignerText();
  const ref = parseTransitionId(id);
  const def = ref ? transitionAt(doc, ref) : undefined;
  if (!ref || !def) return null;
  const index = stateIndex(doc);
  const to = def.target ? resolveTarget(index, ref.source, def.target) : undefined;
  const name = (sid: string) =>
    pick(index.get(sid)?.def.name ?? index.get(sid)?.def.task?.title, locale, sid);
  return (
    <section className="ff-props" aria-label={dt('props.transition')}>
      <h3>{dt('props.transition')}</h3>
      <p className="ff-muted">
        {dt('props.from')}: {name(ref.source)} <code>{ref.source}</code>
      </p>
      {ref.kind === 'on' && (
        <CommitInput
          label={dt('props.event')}
          name="transition-event"
          value={ref.key ?? ''}
          onCommit={(event) => {
            if (modeling.setTransitionEvent(ref, event))
              select({ states: [], transitions: [transitionId({ ...ref, key: event, index: 0 })] });
          }}
        />
      )}
      <div className="ff-field">
        <label htmlFor="ff-target">{dt('props.target')}</label>
        <select
          id="ff-target"
          value={to ?? ''}
          onChange={(e) => modeling.setTransitionTarget(ref, e.target.value)}
        >
          {!to && <option value="">{def.target ?? '—'}</option>}
          {[...index.keys()].map((sid) => (
            <option key={sid} value={sid}>
              {name(sid)} ({sid})
            </option>
          ))}
        </select>
      </div>
      <CelEditor
        label={dt('props.guard')}
        name="guard"
        value={def.guard?.params.expr ?? ''}
        onCommit={(expr) => modeling.setTransitionGuard(ref, expr.trim() || undefined)}
      />
    </section>
  );
}

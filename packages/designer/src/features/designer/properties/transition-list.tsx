/** The transitions leaving a state, each opening its own properties. */
import { useDesignerText } from '../i18n/use-designer-text';
import { stateAt } from '../model/design-doc';
import { transitionId, transitionsOf } from '../model/transitions';
import { useDesigner } from '../state/designer-context';

export function TransitionList({ id }: { id: string }) {
  const { doc, select } = useDesigner();
  const { dt } = useDesignerText();
  const state = stateAt(doc, id);
  const list = state ? transitionsOf(id, state) : [];
  if (!list.length) return null;
  return (
    <fieldset className="ff-group-fields">
      <legend>{dt('ver.transitions')}</legend>
      <ul className="ff-links">
        {list.map((t) => (
          <li key={transitionId(t)}>
            <button
              type="button"
              className="btn-link"
              onClick={() => select({ states: [], transitions: [transitionId(t)] })}
            >
              {[
                t.key ?? t.kind,
                '→',
                t.def.target ?? '—',
                t.def.guard ? `[${t.def.guard.params.expr}]` : '',
              ].join(' ')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The properties panel: the selected state or transition, else the process. */
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { ProcessProperties } from './process-properties';
import { StateProperties } from './state-properties';
import { TransitionProperties } from './transition-properties';

export function PropertiesPanel() {
  const { selection } = useDesigner();
  const { dt } = useDesignerText();
  const count = selection.states.length + selection.transitions.length;
  return (
    <aside className="ff-properties" aria-label={dt('props.title')}>
      {count === 0 && <ProcessProperties />}
      {count > 1 && <p className="ff-muted">{dt('props.many', { count })}</p>}
      {count === 1 && selection.states[0] && (
        <StateProperties key={selection.states[0]} id={selection.states[0]} />
      )}
      {count === 1 && selection.transitions[0] && (
        <TransitionProperties key={selection.transitions[0]} id={selection.transitions[0]} />
      )}
    </aside>
  );
}

/**
 * The palette: user task, decision, parallel block, timer wait, child process, end. A new step goes
 * after the selected one (connected to it) or into the selected branch; otherwise on its own.
 */
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { PALETTE_KINDS, type PaletteKind } from '../model/state-templates';
import { useDesigner } from '../state/designer-context';

const ICON: Record<PaletteKind, string> = {
  task: '▣',
  decision: '◇',
  parallel: '⇉',
  timer: '◷',
  child: '↳',
  end: '■',
};

export function Palette() {
  const { selection, modeling, select } = useDesigner();
  const { dt } = useDesignerText();
  const add = (kind: PaletteKind) => {
    const created = modeling.appendState(
      kind,
      selection.states.length === 1 ? selection.states[0] : undefined,
    );
    if (created) select({ states: [created], transitions: [] });
  };
  return (
    <nav className="ff-palette" aria-label={dt('palette.title')}>
      <h3>{dt('palette.title')}</h3>
      <ul>
        {PALETTE_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" className="btn ff-palette-item" data-kind={kind} onClick={() => add(kind)}>
              <span aria-hidden="true">{ICON[kind]}</span> {dt(`palette.${kind}` as DesignerKey)}
            </button>
          </li>
        ))}
      </ul>
      <p className="ff-muted">{dt('palette.hint')}</p>
    </nav>
  );
}

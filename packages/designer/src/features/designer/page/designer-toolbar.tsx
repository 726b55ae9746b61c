/** Undo, redo, copy, paste, delete and export, with the draft's save status. */
import { copySelection, deleteSelection, pasteClipboard } from '../canvas/selection-actions';
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { exportBundle } from '../versions/bundle-io';
import type { SaveStatus } from './use-autosave';

export function DesignerToolbar({ save }: { save: SaveStatus }) {
  const d = useDesigner();
  const { dt } = useDesignerText();
  const none = !d.selection.states.length && !d.selection.transitions.length;
  const saveText =
    save.kind === 'saving'
      ? dt('save.saving')
      : save.kind === 'saved'
        ? dt('save.saved', { time: save.at })
        : save.kind === 'failed'
          ? dt('save.failed', { detail: save.detail })
          : dt('save.idle');
  return (
    <div className="ff-toolbar" role="toolbar" aria-label={dt('toolbar.keys')}>
      <button
        type="button"
        className="btn btn-small"
        disabled={!d.stack.canUndo()}
        onClick={() => d.stack.undo()}
        title="Ctrl+Z"
      >
        ↶ {dt('toolbar.undo')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!d.stack.canRedo()}
        onClick={() => d.stack.redo()}
        title="Ctrl+Shift+Z"
      >
        ↷ {dt('toolbar.redo')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!d.selection.states.length}
        onClick={() => copySelection(d)}
        title="Ctrl+C"
      >
        {dt('toolbar.copy')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => pasteClipboard(d)} title="Ctrl+V">
        {dt('toolbar.paste')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={none}
        onClick={() => deleteSelection(d)}
        title="Delete"
      >
        {dt('toolbar.delete')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => exportBundle(d.doc)}>
        {dt('toolbar.export')}
      </button>
      <span className={`ff-save ff-save-${save.kind}`} role="status">
        {saveText}
      </span>
    </div>
  );
}

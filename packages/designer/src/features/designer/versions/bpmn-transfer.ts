/**
 * BPMN files in the designer: export by download (with the canvas's layout), import into a draft.
 * The BPMN module (bpmn-moddle and its metamodel) loads on first use, not with the designer.
 */
import type { Bounds, BpmnImport } from '@flowform/bpmn';
import type { DesignDoc } from '../model/design-doc';

/** Where the canvas draws each state (absolute), or nothing: the export then lays out itself. */
export type StatePositions = () => Promise<Record<string, Bounds> | undefined>;

export async function downloadBpmn(doc: DesignDoc, positions: StatePositions): Promise<void> {
  const [{ exportBpmn }, boxes] = await Promise.all([
    import('@flowform/bpmn'),
    positions().catch(() => undefined),
  ]);
  const xml = await exportBpmn(doc.definition, boxes ? { positions: boxes } : {});
  const blob = new Blob([xml], { type: 'application/xml' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${doc.definition.key}.bpmn`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Maps a BPMN file to a draft of the open process (same key; its forms kept); role rules from
 * candidate groups name `unit` (the directory's top unit).
 */
export async function readBpmnDraft(text: string, doc: DesignDoc, unit?: string): Promise<BpmnImport> {
  const { importBpmn } = await import('@flowform/bpmn');
  return importBpmn(text, { key: doc.definition.key, forms: doc.forms, ...(unit ? { unit } : {}) });
}

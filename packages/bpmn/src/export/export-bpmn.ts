/**
 * A Flowform definition → BPMN 2.0 XML with diagram interchange, for Camunda Modeler and bpmn.io.
 *
 *   definition ─buildExportModel─► elements + flows ─layoutModel─► shapes + waypoints
 *                                        (flowform: extensions)          │ (designer boxes, or layered)
 *                                                                        ▼
 *                                           toModdle ─► bpmn-moddle toXML ─► XML
 */
import type { ProcessDefinition } from '@flowform/engine/browser';
import { createModdle, writeBpmn } from '../moddle/bpmn-io';
import { buildExportModel } from './export-model';
import { type Bounds, layoutModel } from './layered-layout';
import { toModdle } from './moddle-writer';

export interface ExportOptions {
  /** Absolute boxes by state path (the designer's layout); used when every state has one. */
  positions?: Record<string, Bounds>;
}

export async function exportBpmn(
  definition: ProcessDefinition,
  options: ExportOptions = {},
): Promise<string> {
  const model = buildExportModel(definition);
  const layout = layoutModel(model, options.positions);
  const moddle = createModdle();
  return writeBpmn(moddle, toModdle(moddle, model, layout));
}

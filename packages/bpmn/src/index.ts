// @flowform/bpmn: BPMN 2.0 import and export for Flowform definitions. Pure (text in, text out),
// runs in Node and in the browser: bpmn-moddle parses with saxen, nothing builds code from strings.

export { type ExportOptions, exportBpmn } from './export/export-bpmn';
export type { Bounds } from './export/layered-layout';
export { type BpmnImport, BpmnImportError, importBpmn } from './import/import-bpmn';
export type { ImportOptions } from './import/import-context';
export {
  type ImportReport,
  type MappingStatus,
  type ReportEntry,
  reportText,
} from './import/import-report';

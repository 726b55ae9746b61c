/** What every mapping step shares while one BPMN process becomes a draft. */
import type { FormDefinition } from '@flowform/engine/browser';
import type { BpmnGraph, BpmnNode } from '../graph/bpmn-graph';
import type { FieldType } from './condition-to-cel';
import type { ReportBuilder } from './import-report';

export interface ImportOptions {
  /** The draft's process key (the designer passes the open process's); default: from the process id. */
  key?: string;
  /** The unit that role rules from candidate groups name (default `root`): check it in the directory. */
  unit?: string;
  /** Forms that exist already (the designer's document): tasks naming them get no placeholder. */
  forms?: Record<string, FormDefinition>;
}

/** A case field the draft needs: its JSON Schema type, `array` for a list of usernames. */
export type CaseFieldType = FieldType | 'array';

export interface ImportContext {
  graph: BpmnGraph;
  report: ReportBuilder;
  processKey: string;
  unit: string;
  /** Case fields found on the way (conditions, collections, assignee variables, form fields). */
  fields: Map<string, CaseFieldType>;
  /** Placeholder forms for the form keys found. */
  forms: Record<string, FormDefinition>;
}

/** A node as the report names it. */
export function reportRef(node: BpmnNode): { id: string; type: string; name?: string } {
  return { id: node.id, type: node.type, ...(node.name ? { name: node.name } : {}) };
}

/** Records a case field unless another finding already typed it. */
export function needField(ctx: ImportContext, name: string, type: CaseFieldType): void {
  if (!ctx.fields.has(name)) ctx.fields.set(name, type);
}

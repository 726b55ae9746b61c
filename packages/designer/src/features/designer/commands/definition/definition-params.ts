/** Params of the commands on the definition itself: the whole document, its properties, case schema, parameters. */
import type { LocalizedText, ProcessDefinition } from '@flowform/engine/browser';
import type { DesignDoc } from '../../model/design-doc';

/** The definition's own properties `definition.set` may change. */
export const DEFINITION_FIELDS = [
  'name',
  'description',
  'starters',
  'startForm',
  'unitField',
  'confidential',
] as const;
export type DefinitionField = (typeof DEFINITION_FIELDS)[number];

/** One property and its value (undefined removes an optional one). */
export type SetDefinitionParams = {
  [F in DefinitionField]: { field: F; value: ProcessDefinition[F] };
}[DefinitionField];

export interface ParameterDef {
  value: unknown;
  label: LocalizedText;
}

export interface DefinitionCommands {
  /** Importing a bundle: the whole document, as one undoable step. */
  'document.replace': { doc: DesignDoc };
  'definition.set': SetDefinitionParams;
  /** A case field's JSON schema; without one the field is removed. */
  'caseSchema.setField': { name: string; schema?: Record<string, unknown> };
  /** A process parameter; without a value it is removed. */
  'parameter.set': { name: string; value?: ParameterDef };
}

/** The types of one compilation pass (compile-checks.ts) and of its keywords (keyword-compilers.ts). */
import type { InterpreterSettings, RefTarget } from './interpreter-context';
import type { SchemaObject } from './keyword-table';

/** Where a schema is compiled: its schema path and the data types its context has settled. */
export interface CompileAt {
  schemaPath: string;
  dataTypes: readonly string[];
}

/** One compilation: settings, strictness, references, and the refs already compiled. */
export interface Compilation {
  settings: InterpreterSettings;
  strict: boolean;
  baseId: string;
  resolve(ref: string): RefTarget;
  called: Set<unknown>;
  /** Compiles a subschema (after checking its keywords are known). */
  subschema(schema: unknown, at: CompileAt): void;
  /** Unknown keywords of a subschema, checked when ajv asks whether it is always valid. */
  isAlwaysValid(schema: unknown): boolean;
  strictError(message: string): void;
}

/** One keyword being compiled. */
export interface KeywordAt {
  c: Compilation;
  schema: SchemaObject;
  keyword: string;
  value: unknown;
  at: CompileAt;
}

export type KeywordCompile = (k: KeywordAt) => void;

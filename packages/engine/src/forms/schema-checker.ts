/**
 * The port through which the engine checks data against JSON Schema. Two implementations give the
 * same answers: ajv (compiles schemas to code; fast; the server's authority) and the interpreter
 * (walks the schema; no `eval`, so it runs under the web app's CSP). Errors have ajv's shape, so
 * one error mapper and one format-check wording serve both.
 */

/** One failed check, as ajv reports it (its `ErrorObject` fits this shape). */
export interface SchemaError {
  keyword: string;
  /** JSON pointer into the data. */
  instancePath: string;
  /** Where the failing keyword sits in the schema (`#/properties/a/minimum`). */
  schemaPath: string;
  params: Record<string, unknown>;
  /** ajv's English sentence, e.g. `must have required property 'key'`. */
  message?: string;
  /** The keyword's value. */
  schema?: unknown;
  /** The schema object holding the keyword (`false` for a `false` schema). */
  parentSchema?: Record<string, unknown> | false;
  /** Set for errors found while checking a property name (`propertyNames`). */
  propertyName?: string;
}

/** A prepared schema's check of data: every error (empty when the data is valid). */
export type DataCheck = (data: unknown) => readonly SchemaError[];

/** Prepares schemas for checking; each preparation is cached, so preparing again is cheap. */
export interface SchemaChecker {
  /**
   * A form schema, strictly: safe (schema-safety), valid JSON Schema 2020-12 and accepted by ajv's
   * strict mode; otherwise throws FormSchemaError listing the problems.
   */
  form(schema: Record<string, unknown>): DataCheck;
  /** A trusted schema such as the definition format: 2020-12, every error, no strict mode, no formats. */
  trusted(schema: Record<string, unknown>): DataCheck;
}

/**
 * The public contract of the expression module: what callers hand in and get back.
 * Everything here is plain data so the engine stays pure and serialisable.
 */
import type { ExpressionErrorCode } from './expression-error';
import type { TypedValue } from './typed-value';

/** JSON Schema (draft 2020-12 subset) of the case data; it types the `data` variable. */
export type JsonSchema = Record<string, unknown>;

/** What an environment is built from: one per case schema (plus definition parameters). */
export interface CelEnvironmentSpec {
  /** Types the `data` variable; unknown fields become type errors. */
  caseSchema: JsonSchema;
  /** Definition parameters (values, not labels), exposed as `params`; types are inferred from the values. */
  parameters?: Record<string, unknown>;
  /**
   * Further variables by CEL type name (`{x: 'int', m: 'map<string, uint>'}`), bound through
   * `CelVariables.declared`; for tools and the conformance suite, not for definitions.
   */
  declarations?: Record<string, string>;
  /** Declares `people`: the directory's users (username, name, roles, units), for scheduled starts. */
  people?: boolean;
}

/** Result types a caller may demand from `check`; `number` accepts int and double. */
export type ExpectedType = 'bool' | 'string' | 'number' | 'timestamp' | 'duration' | 'list<string>' | 'dyn';

/** Outcome of type-checking without throwing, for lint and the designer. */
export type CheckResult =
  | { ok: true; type: string }
  | { ok: false; code: ExpressionErrorCode; message: string };

/** A principal as expressions see it. */
export interface CelPrincipal {
  username: string;
  roles: string[];
  units: string[];
}

/** A unit as expressions see it. */
export interface CelUnit {
  id: string;
  kind: string;
  parent: string;
}

/** Variables available to every expression. */
export interface CelVariables {
  /** Case data (JSON values). */
  data: Record<string, unknown>;
  /** ISO timestamp taken from the command, never the clock; a CEL timestamp inside expressions. */
  now: string;
  /** This case's id: a child started from here records where it came from (`sourceCaseRef`). */
  caseId?: string;
  initiator?: CelPrincipal;
  actor?: CelPrincipal;
  /** The unit the case is about (the definition's `unitField`) as the directory has it; "" parent at the root. */
  caseUnit?: CelUnit;
  task?: { state: string; outcome?: string; assignee?: string };
  /** Last chosen outcome. */
  outcome?: string;
  votes?: { approve: number; reject: number; pending: number; total: number };
  /** The current `forEach` element. */
  item?: unknown;
  /** The directory's users where the spec declares `people` (scheduled starts). */
  people?: { username: string; name: string; roles: string[]; units: string[] }[];
  /** Values of the spec's `declarations`, exact and typed. */
  declared?: Record<string, TypedValue>;
}

/** A type-checked expression, ready to evaluate many times. */
export interface CompiledExpression {
  source: string;
  /** Static result type, e.g. `bool`, `int`, `timestamp`, `list<string>`, `dyn`. */
  type: string;
  /**
   * Evaluates against the variables and returns plain JS: numbers (not bigint), timestamps as ISO
   * strings, durations as milliseconds, lists as arrays, maps as plain objects. Throws ExpressionError.
   */
  evaluate(vars: CelVariables): unknown;
  /** Evaluates and returns the exact CEL value with its type (64-bit ints, nanoseconds). */
  evaluateTyped(vars: CelVariables): TypedValue;
}

/** A CEL environment bound to one case schema; compiled expressions are cached per source. */
export interface CelEnvironment {
  /** Type-checks without throwing; with `expected`, a differently typed result is a `cel-type` error. */
  check(source: string, expected?: ExpectedType): CheckResult;
  /** Parses, limits and type-checks; throws ExpressionError. */
  compile(source: string): CompiledExpression;
  /**
   * The environment for expressions run once per element of a `forEach` list: `item` has the list's
   * element type (so `item.unit` is checked against the schema). Throws ExpressionError when the
   * `forEach` expression itself does not compile.
   */
  forEachItem(forEachSource: string): CelEnvironment;
}

/** Public surface of the CEL expression module; the engine's index re-exports from here. */

export { createCelEnvironment } from './cel-environment';
export type {
  CelEnvironment,
  CelEnvironmentSpec,
  CelPrincipal,
  CelVariables,
  CheckResult,
  CompiledExpression,
  ExpectedType,
  JsonSchema,
} from './cel-environment-types';
export { resolveDueAt } from './due-date';
export {
  EXPRESSION_ERROR_CODES,
  ExpressionError,
  type ExpressionErrorCode,
  RUNTIME_ERROR_REASONS,
  type RuntimeErrorReason,
} from './expression-error';
export { EXPRESSION_LIMITS } from './expression-limits';
export { parseIsoDuration } from './iso-duration';
export { type DataReferences, dataFieldsRead } from './data-references';

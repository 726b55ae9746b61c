// The cel-spec conformance harness, shared by the engine's conformance test and the library comparison
// script (`scripts/cel-compare`). Test support: not part of the engine's runtime surface.
export { celToTyped, typedToCel } from '../cel-typed';
export { scalarToTyped, type TypedValue } from '../typed-value';
export { type ConformanceCase, conformanceCases, NOT_APPLICABLE_FILES } from './cel-spec-cases';
export {
  type ConformanceAdapter,
  type ConformanceFigures,
  type Outcome,
  runConformance,
  summarize,
} from './conformance-run';
export { engineAdapter } from './engine-adapter';

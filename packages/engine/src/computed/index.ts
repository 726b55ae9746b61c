/** Computed values: case and form fields whose value is a CEL expression over the data. */
export { type ComputedFailure, type ComputedResult, computeValues } from './compute-values';
export { type ComputedFields, caseComputed, computedOption, formComputed } from './computed-fields';
export { type ComputedOrder, computedDependencies, computedOrder } from './computed-order';
export { computeFormValues, formEnvironment } from './form-values';

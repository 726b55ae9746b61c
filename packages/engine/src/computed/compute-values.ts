/**
 * Computing the values: each computed field's expression over the data as it stands (earlier
 * computed fields already applied), the result replacing whatever the field held. Pure.
 *
 * An expression that fails on this data (a field it reads not filled in yet, no elements to average)
 * leaves the field out: the value does not exist until it can be computed. A guard reading it then
 * fails as on any absent field, so a missing value never passes for a small one.
 */
import {
  type CelEnvironment,
  type CelVariables,
  ExpressionError,
  type RuntimeErrorReason,
} from '../expressions';
import type { ComputedFields } from './computed-fields';
import { computedOrder } from './computed-order';

/** A computed field that could not be computed on this data, and why. */
export interface ComputedFailure {
  field: string;
  code: string;
  reason?: RuntimeErrorReason;
  message: string;
}

export interface ComputedResult {
  data: Record<string, unknown>;
  failed: ComputedFailure[];
}

/** Applies the computed fields to the data; `vars` are the other variables the expressions see. */
export function computeValues(
  env: CelEnvironment,
  fields: ComputedFields,
  data: Record<string, unknown>,
  vars: Omit<CelVariables, 'data'>,
): ComputedResult {
  const names = Object.keys(fields);
  if (names.length === 0) return { data, failed: [] };
  const planned = computedOrder(fields);
  // A cycle is refused by lint; an unlinted bundle still computes, in declaration order.
  const order = 'order' in planned ? planned.order : names;
  let next = { ...data };
  const failed: ComputedFailure[] = [];
  for (const field of order) {
    try {
      const value = env.compile(fields[field]!).evaluate({ ...vars, data: next });
      next = { ...next, [field]: value };
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const { [field]: _dropped, ...rest } = next;
      next = rest;
      failed.push({ field, code: error.code, reason: error.reason, message: error.message });
    }
  }
  return { data: next, failed };
}

/** Shared fixtures for the expression tests: an expense-claim schema and matching variables. */
import type { CelVariables, JsonSchema } from './cel-environment-types';

/** An expense claim: integer and number fields, dates, enums, lists and a nested applicant. */
export const claimSchema: JsonSchema = {
  type: 'object',
  required: ['amount'],
  properties: {
    amount: { type: 'number' },
    nights: { type: 'integer' },
    title: { type: 'string' },
    category: { enum: ['travel', 'meals', 'other'] },
    urgent: { type: 'boolean' },
    startDate: { type: 'string', format: 'date' },
    submittedAt: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { type: 'string' } },
    lines: {
      type: 'array',
      items: { type: 'object', properties: { label: { type: 'string' }, cost: { type: 'number' } } },
    },
    applicant: {
      type: 'object',
      properties: { name: { type: 'string' }, unit: { type: 'string' }, level: { type: 'integer' } },
    },
    extra: {},
  },
};

/** Variables as the stepper would pass them, with the command's `now`. */
export function claimVars(data: Record<string, unknown>, extra: Partial<CelVariables> = {}): CelVariables {
  return { data, now: '2024-05-01T08:00:00Z', ...extra };
}

import { describe, expect, it } from 'vitest';
import { completionsFor, suggest } from './cel-completions';

describe('CEL completion', () => {
  const all = completionsFor({
    caseSchema: {
      type: 'object',
      properties: { amount: { type: 'number' }, applicant: { type: 'object', properties: { unit: {} } } },
    },
    parameters: { threshold: { value: 5000, label: { 'zh-CN': '限额', en: 'Limit' } } },
  });

  it('given the case schema, when typing "data.a", then the case fields starting so are offered', () => {
    expect(suggest('data.a', 6, all).items).toEqual(['data.amount', 'data.applicant', 'data.applicant.unit']);
  });

  it('given a comparison, when typing a parameter after it, then the parameter is offered', () => {
    expect(suggest('data.amount > par', 17, all)).toEqual({ token: 'par', items: ['params.threshold'] });
  });
});

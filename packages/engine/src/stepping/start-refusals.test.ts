import { describe, expect, it } from 'vitest';
import { InMemoryDirectory } from '../assignment';
import type { FieldError, Locale } from '../forms';
import type { AssignmentRule, DefinitionBundle } from '../index';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { step } from './step';
import { StepError } from './step-error';

const directory = new InMemoryDirectory(smallDirectory);

/** The expense process started by the workers of the unit named in the start form's `unit` field. */
function bundleWith(starters: AssignmentRule, unitSchema: Record<string, unknown> = { type: 'string' }) {
  const bundle: DefinitionBundle = structuredClone(expenseBundle);
  bundle.definition.starters = starters;
  (bundle.forms['expense.apply']!.schema.properties as Record<string, unknown>).unit = unitSchema;
  return bundle;
}

const byUnit: AssignmentRule = { kind: 'roleInCaseUnit', role: 'worker', unitField: 'unit' };

function start(
  bundle: DefinitionBundle,
  data: Record<string, unknown>,
  user = 'w1',
  locale: Locale = 'zh-CN',
) {
  return step(
    bundle,
    undefined,
    { type: 'start', instanceId: 'c1', data },
    { now: '2026-03-02T08:00:00.000Z', actor: { username: user }, directory, locale },
  );
}

function refusal(fn: () => unknown): StepError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StepError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const errorsOf = (error: StepError) => (error.details as { errors: FieldError[] }).errors;

describe('starting a case whose starters rule reads the start data', () => {
  it('given a known unit, when a worker of it starts, then the case starts', () => {
    const result = start(bundleWith(byUnit), { amount: 10, reason: '劳保', unit: 's1' });
    expect(result.snapshot.status).toBe('running');
  });

  it('given an unknown unit, when started, then invalid-form at /unit with keyword unit, in zh-CN and in English', () => {
    const zh = refusal(() => start(bundleWith(byUnit), { amount: 10, reason: '劳保', unit: 'z' }));
    expect(zh.code).toBe('invalid-form');
    expect(errorsOf(zh)).toEqual([
      { path: '/unit', keyword: 'unit', message: expect.stringMatching(/单位/) },
    ]);
    const en = refusal(() =>
      start(bundleWith(byUnit), { amount: 10, reason: '劳保', unit: 'z' }, 'w1', 'en'),
    );
    expect(errorsOf(en)).toEqual([
      { path: '/unit', keyword: 'unit', message: "Field 'unit' names no known unit" },
    ]);
  });

  it('given a number where the form wants a string, when started, then the form check answers first (type at /unit)', () => {
    const error = refusal(() => start(bundleWith(byUnit), { amount: 10, reason: '劳保', unit: 5 }));
    expect(error.code).toBe('invalid-form');
    expect(errorsOf(error).map((e) => [e.path, e.keyword])).toEqual([['/unit', 'type']]);
  });

  it('given a form that lets any value through, when the unit field holds a number, then invalid-form at /unit', () => {
    const loose = bundleWith(byUnit, {});
    const error = refusal(() => start(loose, { amount: 10, reason: '劳保', unit: 5 }, 'w1', 'en'));
    expect(errorsOf(error)).toEqual([
      { path: '/unit', keyword: 'unit', message: "Field 'unit' must be a unit id" },
    ]);
  });

  it('given a starters rule on a user field, when it names nobody known, then invalid-form at that field with keyword user', () => {
    const bundle = bundleWith({ kind: 'field', field: 'unit' });
    const error = refusal(() => start(bundle, { amount: 10, reason: '劳保', unit: 'nobody' }));
    expect(errorsOf(error).map((e) => [e.path, e.keyword])).toEqual([['/unit', 'user']]);
  });

  it('given a starters rule naming a unit the directory lacks, when started, then not-permitted (nobody may start)', () => {
    const bundle = bundleWith({ kind: 'role', role: 'worker', unit: 'gone' });
    expect(refusal(() => start(bundle, { amount: 10, reason: '劳保', unit: 's1' })).code).toBe(
      'not-permitted',
    );
  });

  it('given a starters expression that fails on the data, when started, then expression-failed with its reason', () => {
    const bundle = bundleWith({ kind: 'cel', expr: '[data.reason][int(data.amount)]' });
    const error = refusal(() => start(bundle, { amount: 10, reason: '劳保', unit: 's1' }));
    expect(error.code).toBe('expression-failed');
    expect(error.details).toMatchObject({ code: 'cel-runtime', reason: 'index-out-of-range' });
  });

  it('given invalid data and a user who may not start, when started, then the form errors come first', () => {
    const error = refusal(() => start(bundleWith(byUnit), { amount: -1, reason: '劳保', unit: 's1' }, 'sec'));
    expect(error.code).toBe('invalid-form');
    expect(
      refusal(() => start(bundleWith(byUnit), { amount: 1, reason: '劳保', unit: 's1' }, 'sec')).code,
    ).toBe('not-permitted');
  });
});

import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { ExpressionError } from './expression-error';
import { claimSchema, claimVars } from './test-fixtures';

const env = createCelEnvironment({
  caseSchema: claimSchema,
  parameters: { limit: 5000, rate: 0.25, approvers: ['ann'] },
});
const claim = {
  amount: 6200.5,
  nights: 3,
  title: 'Conference',
  category: 'travel',
  urgent: false,
  startDate: '2024-05-10',
  submittedAt: '2024-04-30T10:00:00Z',
  tags: ['eu', 'q2'],
  lines: [{ label: 'hotel', cost: 400 }],
  applicant: { name: 'Bo', unit: 'sales', level: 2 },
  extra: { anything: 1 },
};

function run(source: string, data: Record<string, unknown> = claim, extra = {}): unknown {
  return env.compile(source).evaluate(claimVars(data, extra));
}

function errorOf(action: () => unknown): ExpressionError {
  try {
    action();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError');
}

describe('createCelEnvironment', () => {
  describe('given a case schema', () => {
    it.each([
      ['data.amount', 'double'],
      ['data.nights', 'int'],
      ['data.title', 'string'],
      ['data.category', 'string'],
      ['data.urgent', 'bool'],
      ['data.startDate', 'string'],
      ['data.tags', 'list<string>'],
      ['data.lines[0].cost', 'double'],
      ['data.applicant.level', 'int'],
      ['data.extra', 'dyn'],
      ['now', 'timestamp'],
      ['now - timestamp(data.submittedAt)', 'duration'],
      ['[]', 'list<dyn>'],
      ['{}', 'map<dyn, dyn>'],
    ])('when checking %s, then its type is %s', (source, type) => {
      expect(env.check(source)).toEqual({ ok: true, type });
    });

    it('when a field does not exist, then check reports cel-unknown-field naming it', () => {
      const result = env.check('data.nonexistent > 1');
      expect(result).toMatchObject({ ok: false, code: 'cel-unknown-field' });
      expect(!result.ok && result.message).toContain("'nonexistent'");
    });

    it('when a nested field does not exist, then it is cel-unknown-field too', () => {
      expect(env.check('data.applicant.salary')).toMatchObject({ ok: false, code: 'cel-unknown-field' });
      expect(env.check('data.lines[0].vat')).toMatchObject({ ok: false, code: 'cel-unknown-field' });
    });

    it('when a variable does not exist, then it is cel-unknown-field', () => {
      expect(env.check('user.name')).toMatchObject({ ok: false, code: 'cel-unknown-field' });
    });

    it('when types do not fit, then it is cel-type', () => {
      expect(env.check('data.title + 1')).toMatchObject({ ok: false, code: 'cel-type' });
      expect(env.check('data.urgent && data.title')).toMatchObject({ ok: false, code: 'cel-type' });
    });

    it('when the syntax is broken, then it is cel-syntax', () => {
      expect(env.check('data.amount >')).toMatchObject({ ok: false, code: 'cel-syntax' });
    });
  });

  describe('given an expected result type', () => {
    it.each([
      ['data.amount > 1', 'bool', true],
      ['data.amount', 'bool', false],
      ['data.amount', 'number', true],
      ['data.nights', 'number', true],
      ['data.tags', 'list<string>', true],
      ['data.title', 'list<string>', false],
      ['duration("1h")', 'duration', true],
      ['now', 'timestamp', true],
      ['data.title', 'dyn', true],
      ['data.extra', 'bool', true],
    ] as const)('when checking %s as %s, then ok is %s', (source, expected, ok) => {
      const result = env.check(source, expected);
      expect(result.ok).toBe(ok);
      if (!result.ok) expect(result.code).toBe('cel-type');
    });
  });

  describe('given case data', () => {
    it('when evaluating guards, then the results are plain values', () => {
      expect(run('data.amount > 5000')).toBe(true);
      expect(run('data.nights * 2')).toBe(6);
      expect(run('data.applicant.name + "/" + data.applicant.unit')).toBe('Bo/sales');
      expect(run('"eu" in data.tags && data.category == "travel"')).toBe(true);
      expect(run('data.lines.map(l, l.cost)')).toEqual([400]);
      expect(run('data.applicant')).toEqual({ name: 'Bo', unit: 'sales', level: 2 });
      expect(run('{"a": data.nights}')).toEqual({ a: 3 });
      expect(run('type(data.amount)')).toBe('double');
    });

    it('when a date field goes through timestamp(), then date arithmetic works', () => {
      expect(run('timestamp(data.startDate + "T00:00:00Z") > now')).toBe(true);
      expect(run('timestamp(data.submittedAt) + duration("48h")')).toBe('2024-05-02T10:00:00.000Z');
      expect(run('now - timestamp(data.submittedAt)')).toBe(22 * 3_600_000);
    });

    it('when an optional field is missing, then has() is false and access is cel-runtime', () => {
      expect(run('has(data.title)', { amount: 1 })).toBe(false);
      expect(run('has(data.title) && data.title == "x"', { amount: 1 })).toBe(false);
      expect(errorOf(() => run('data.title == "x"', { amount: 1 })).code).toBe('cel-runtime');
    });

    it('when a field is null, then it counts as absent', () => {
      expect(run('has(data.title)', { amount: 1, title: null })).toBe(false);
    });

    it('when the data has the wrong JSON type, then evaluation fails with cel-runtime', () => {
      expect(errorOf(() => run('data.nights > 1', { nights: 1.5 })).code).toBe('cel-runtime');
      expect(errorOf(() => run('data.title == "a"', { title: 7 })).code).toBe('cel-runtime');
      expect(errorOf(() => run('data.applicant.name', { applicant: 'Bo' })).code).toBe('cel-runtime');
    });

    it('when data has fields outside the schema, then they stay invisible', () => {
      expect(env.check('data.secret').ok).toBe(false);
      expect(env.check('dyn(data)["secret"]')).toMatchObject({ ok: false, code: 'cel-dyn' });
      expect(run('[dyn(data)].exists(d, d == {"amount": 1.0})', { amount: 1, secret: 1 })).toBe(true);
    });

    it('when the data object is changed between evaluations, then the new values are seen', () => {
      const guard = env.compile('data.nights > 2');
      const data: Record<string, unknown> = { nights: 3 };
      expect(guard.evaluate(claimVars(data))).toBe(true);
      data.nights = 1;
      expect(guard.evaluate(claimVars(data))).toBe(false);
    });
  });

  describe('given the other variables', () => {
    const principal = { username: 'ann', roles: ['manager'], units: ['sales'] };

    it('when using actor, initiator, task, outcome, votes and item, then they are typed and readable', () => {
      const vars = {
        actor: principal,
        initiator: { ...principal, username: 'bo' },
        task: { state: 'review', outcome: 'approve' },
        outcome: 'approve',
        votes: { approve: 2, reject: 0, pending: 1, total: 3 },
        item: { unit: 'sales', n: 2 },
      };
      expect(run('"manager" in actor.roles && initiator.username == "bo"', claim, vars)).toBe(true);
      expect(run('task.state == "review" && outcome == "approve"', claim, vars)).toBe(true);
      expect(run('votes.approve * 3 >= votes.total * 2', claim, vars)).toBe(true);
      expect(env.check('item.unit')).toMatchObject({ ok: false, code: 'cel-dyn' });
      const lines = env.forEachItem('data.lines');
      expect(
        lines.compile('item.label').evaluate(claimVars(claim, { item: { label: 'taxi', cost: 9 } })),
      ).toBe('taxi');
      expect(lines.check('item.cost * 2')).toEqual({ ok: true, type: 'double' });
      expect(run('has(task.assignee)', claim, vars)).toBe(false);
      expect(env.check('actor.roles')).toEqual({ ok: true, type: 'list<string>' });
      expect(env.check('votes.total')).toEqual({ ok: true, type: 'int' });
    });

    it('when a variable is not provided, then using it is cel-runtime naming it', () => {
      const error = errorOf(() => run('actor.username == "ann"'));
      expect(error.code).toBe('cel-runtime');
      expect(error.message).toContain("'actor'");
    });

    it('when now is not an ISO timestamp, then evaluation is cel-runtime', () => {
      const guard = env.compile('now > timestamp("2020-01-01T00:00:00Z")');
      expect(errorOf(() => guard.evaluate({ data: {}, now: 'yesterday' })).code).toBe('cel-runtime');
    });

    it('when now is not mentioned, then a bad now does not matter', () => {
      expect(env.compile('data.nights > 1').evaluate({ data: { nights: 2 }, now: 'nonsense' })).toBe(true);
    });
  });

  describe('given definition parameters', () => {
    it('when reading params, then types come from the values', () => {
      expect(env.check('params.limit')).toEqual({ ok: true, type: 'int' });
      expect(env.check('params.rate')).toEqual({ ok: true, type: 'double' });
      expect(run('data.amount > params.limit && "ann" in params.approvers')).toBe(true);
      expect(run('data.amount * params.rate')).toBeCloseTo(1550.125);
    });

    it('when a parameter does not exist, then it is cel-unknown-field', () => {
      expect(env.check('params.nope')).toMatchObject({ ok: false, code: 'cel-unknown-field' });
    });

    it('when the caller changes its parameter object later, then compiled expressions keep the original', () => {
      const parameters = { limit: 10 };
      const own = createCelEnvironment({ caseSchema: claimSchema, parameters });
      parameters.limit = 99;
      expect(own.compile('params.limit').evaluate(claimVars({}))).toBe(10);
    });

    it('when no parameters are given, then params is an empty record', () => {
      const bare = createCelEnvironment({ caseSchema: claimSchema });
      expect(bare.check('params.limit')).toMatchObject({ ok: false, code: 'cel-unknown-field' });
    });
  });

  describe('given compilation', () => {
    it('when compiling the same source twice, then the cached expression is returned', () => {
      expect(env.compile('data.nights > 10')).toBe(env.compile('data.nights > 10'));
    });

    it('when a bad source is compiled twice, then both calls throw the same code', () => {
      expect(errorOf(() => env.compile('data.nope')).code).toBe('cel-unknown-field');
      const again = errorOf(() => env.compile('data.nope'));
      expect(again.code).toBe('cel-unknown-field');
      expect(again.source).toBe('data.nope');
    });

    it('when the source is not a string, then it is cel-syntax', () => {
      expect(errorOf(() => env.compile(undefined as unknown as string)).code).toBe('cel-syntax');
    });

    it('when two environments have different schemas, then they do not see each other', () => {
      const other = createCelEnvironment({
        caseSchema: { type: 'object', properties: { x: { type: 'string' } } },
      });
      expect(other.check('data.x')).toEqual({ ok: true, type: 'string' });
      expect(other.check('data.amount').ok).toBe(false);
      expect(env.check('data.x').ok).toBe(false);
    });

    it('when the schema is not an object schema, then data is dyn', () => {
      const loose = createCelEnvironment({ caseSchema: {} });
      expect(loose.check('data.anything')).toEqual({ ok: true, type: 'dyn' });
      expect(loose.compile('data.anything == 2').evaluate(claimVars({ anything: 2 }))).toBe(true);
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castBallot } from './cast-ballot';
import { addSigners, removeSigners } from './signer-changes';
import { errorCode } from './test-support';
import { tallyVotes } from './vote-tally';
import type { Ballot, VoteMode, VoteResult, VoteRule, VoteState } from './vote-types';

/**
 * Model-based properties: a tiny independent oracle (integer arithmetic on the *intended* fraction,
 * not on the float the rule carries) judges every state a random scenario passes through.
 */

const POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'constructor', '__proto__', 'toString'];
const STRANGER = 'hasOwnProperty';
const NUM_RUNS = 600;

interface Case {
  rule: VoteRule;
  /** The fraction the author meant; for non-ratio modes unused. */
  num: number;
  den: number;
}

const modeArb = fc.constantFrom<VoteMode>('all', 'any', 'ratio', 'sequential');
const policyArb = fc.constantFrom<VoteRule['rejectPolicy']>('veto', 'impossible');
const fractionArb = fc.oneof(
  fc
    .integer({ min: 1, max: 9 })
    .chain((den) => fc.integer({ min: 1, max: den }).map((num) => ({ num, den }))),
  fc.integer({ min: 1, max: 100 }).map((num) => ({ num, den: 100 })),
);
const caseArb = (modes: fc.Arbitrary<VoteMode> = modeArb, policies = policyArb): fc.Arbitrary<Case> =>
  fc
    .record({ mode: modes, rejectPolicy: policies, f: fractionArb })
    .map(({ mode, rejectPolicy, f }) =>
      mode === 'ratio'
        ? { rule: { mode, rejectPolicy, ratio: f.num / f.den }, num: f.num, den: f.den }
        : { rule: { mode, rejectPolicy }, num: 1, den: 1 },
    );
const signersArb = fc.shuffledSubarray(POOL, { minLength: 1, maxLength: 6 });

type Op =
  | { kind: 'vote'; pick: number; ballot: Ballot; smart: boolean }
  | {
      kind: 'add';
      picks: number[];
      position: 'before' | 'after' | 'end';
      anchor: number | null;
      smart: boolean;
    }
  | { kind: 'remove'; picks: number[]; smart: boolean };

const nat = fc.nat({ max: 1000 });
const ballotArb = fc.constantFrom<Ballot>('approve', 'reject');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('vote' as const),
      pick: nat,
      ballot: ballotArb,
      smart: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      picks: fc.array(nat, { minLength: 0, maxLength: 3 }),
      position: fc.constantFrom<'before' | 'after' | 'end'>('before', 'after', 'end'),
      anchor: fc.option(nat),
      smart: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('remove' as const),
      picks: fc.array(nat, { minLength: 0, maxLength: 3 }),
      smart: fc.boolean(),
    }),
  },
);
const scenarioArb = fc.record({
  c: caseArb(),
  signers: signersArb,
  ops: fc.array(opArb, { maxLength: 30 }),
  drain: fc.array(ballotArb, { minLength: 1, maxLength: 8 }),
});

// ---------- the oracle ----------

const ballotOf = (s: VoteState, who: string): Ballot | undefined =>
  Object.hasOwn(s.ballots, who) ? s.ballots[who] : undefined;

function counts(s: VoteState) {
  const unvoted = s.signers.filter((x) => ballotOf(s, x) === undefined);
  const a = s.signers.filter((x) => ballotOf(s, x) === 'approve').length;
  const r = s.signers.filter((x) => ballotOf(s, x) === 'reject').length;
  return { a, r, u: unvoted.length, n: s.signers.length, unvoted };
}

/** The approval condition with `k` approvals out of `n`, in the author's own fraction. */
function approvalHolds(c: Case, k: number, n: number): boolean {
  if (n === 0) return false;
  switch (c.rule.mode) {
    case 'any':
      return k >= 1;
    case 'ratio':
      return k * c.den >= c.num * n;
    default:
      return k === n;
  }
}

// ---------- the scenario driver ----------

interface Step {
  state: VoteState;
  tally: VoteResult;
}

const freeze = (s: VoteState): VoteState =>
  Object.freeze({
    signers: Object.freeze([...s.signers]) as string[],
    ballots: Object.freeze({ ...s.ballots }),
  });
const roundTrip = (s: VoteState): VoteState => JSON.parse(JSON.stringify(s)) as VoteState;
const uniq = (xs: string[]) => new Set(xs).size === xs.length;

/** Error codes an operation is allowed to throw in `s`; empty means it must succeed. */
function justifiedErrors(c: Case, s: VoteState, op: ResolvedOp): string[] {
  if (tallyVotes(c.rule, s).decided) return ['vote-decided'];
  const why: string[] = [];
  const voted = (x: string) => ballotOf(s, x) !== undefined;
  if (op.kind === 'vote') {
    if (!s.signers.includes(op.who)) why.push('not-a-signer');
    else if (voted(op.who)) why.push('already-voted');
    else if (c.rule.mode === 'sequential' && counts(s).unvoted[0] !== op.who) why.push('not-your-turn');
  } else if (op.kind === 'add') {
    if (!uniq(op.users) || op.users.some((x) => s.signers.includes(x))) why.push('duplicate-signer');
    let index = s.signers.length;
    if (op.position !== 'end') {
      if (op.anchor === undefined) why.push('anchor-required');
      else if (!s.signers.includes(op.anchor)) why.push('not-a-signer');
      else index = s.signers.indexOf(op.anchor) + (op.position === 'after' ? 1 : 0);
    }
    if (c.rule.mode === 'sequential' && s.signers.slice(index).some(voted)) why.push('insert-before-voted');
  } else {
    if (!uniq(op.users)) why.push('duplicate-signer');
    if (op.users.some((x) => !s.signers.includes(x))) why.push('not-a-signer');
    if (op.users.some((x) => s.signers.includes(x) && voted(x))) why.push('already-voted');
    if (s.signers.every((x) => op.users.includes(x))) why.push('last-signer');
  }
  return why;
}

type ResolvedOp =
  | { kind: 'vote'; who: string; ballot: Ballot }
  | { kind: 'add'; users: string[]; position: 'before' | 'after' | 'end'; anchor: string | undefined }
  | { kind: 'remove'; users: string[] };

/** Turns generated picks into concrete names; `smart` ops aim at a valid move, others at anything. */
function resolve(c: Case, s: VoteState, op: Op): ResolvedOp {
  const everyone = [...POOL, STRANGER];
  if (op.kind === 'vote') {
    const tally = tallyVotes(c.rule, s);
    const choices =
      op.smart && !tally.decided && tally.awaiting.length > 0 ? tally.awaiting : [...s.signers, STRANGER];
    return { kind: 'vote', who: choices[op.pick % choices.length]!, ballot: op.ballot };
  }
  if (op.kind === 'add') {
    const fresh = POOL.filter((x) => !s.signers.includes(x));
    const source = op.smart ? fresh : everyone;
    const users = source.length === 0 ? [] : op.picks.map((p) => source[p % source.length]!);
    const anchorSource = op.smart ? s.signers : everyone;
    const anchor = op.anchor === null ? undefined : anchorSource[op.anchor % anchorSource.length];
    return { kind: 'add', users: op.smart ? [...new Set(users)] : users, position: op.position, anchor };
  }
  const open = s.signers.filter((x) => ballotOf(s, x) === undefined);
  const source = op.smart ? open : everyone;
  const users = source.length === 0 ? [] : op.picks.map((p) => source[p % source.length]!);
  return { kind: 'remove', users: op.smart ? [...new Set(users)] : users };
}

function apply(c: Case, s: VoteState, op: ResolvedOp): VoteState {
  if (op.kind === 'vote') return castBallot(c.rule, s, op.who, op.ballot);
  if (op.kind === 'add') return addSigners(c.rule, s, op.users, op.position, op.anchor);
  return removeSigners(c.rule, s, op.users);
}

/**
 * Runs ops, then casts `drain` ballots for whoever is awaited until the vote is decided; calls
 * `check` on every state reached (the initial one included) and stops at the first decided one.
 * Every refusal must be justified and every justified refusal must happen.
 */
function run(
  c: Case,
  signers: string[],
  ops: Op[],
  drain: Ballot[],
  check: (step: Step, previous: Step | undefined) => void,
): Step {
  let state = freeze({ signers, ballots: {} });
  let step: Step = { state, tally: tallyVotes(c.rule, state) };
  check(step, undefined);
  const advance = (op: ResolvedOp): boolean => {
    const expected = justifiedErrors(c, state, op);
    const code = errorCode(() => {
      state = freeze(apply(c, state, op));
    });
    if (code === undefined) expect(expected).toEqual([]);
    else expect(expected).toContain(code);
    if (code !== undefined) return false;
    // Continue from a JSON copy: a stored-and-reloaded state must work exactly like the original.
    state = freeze(roundTrip(state));
    const previous = step;
    step = { state, tally: tallyVotes(c.rule, state) };
    check(step, previous);
    return step.tally.decided;
  };
  for (const op of ops) {
    if (step.tally.decided) return step;
    if (advance(resolve(c, state, op))) return step;
  }
  for (let i = 0; !step.tally.decided; i++) {
    expect(i).toBeLessThan(50);
    const tally = step.tally as { decided: false; awaiting: string[] };
    expect(tally.awaiting.length).toBeGreaterThan(0);
    advance({ kind: 'vote', who: tally.awaiting[0]!, ballot: drain[i % drain.length]! });
  }
  return step;
}

// ---------- the properties ----------

describe('voting properties', () => {
  it('(1) given random rules, signers, votes and 加签/减签, when decided, then the result never contradicts the rule', () => {
    fc.assert(
      fc.property(scenarioArb, ({ c, signers, ops, drain }) => {
        const final = run(c, signers, ops, drain, ({ state, tally }) => {
          if (!tally.decided) return;
          const { a, r, u, n } = counts(state);
          expect({ approvals: tally.approvals, rejections: tally.rejections, total: tally.total }).toEqual({
            approvals: a,
            rejections: r,
            total: n,
          });
          if (tally.result === 'approved') {
            expect(approvalHolds(c, a, n)).toBe(true);
          } else {
            const vetoed = c.rule.rejectPolicy === 'veto' && r > 0;
            expect(vetoed || !approvalHolds(c, a + u, n)).toBe(true);
          }
        });
        expect(final.tally.decided).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(2) given any reachable state, when tallied, then it is decided exactly when the rule says so (never early, never late)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ c, signers, ops, drain }) => {
        run(c, signers, ops, drain, ({ state, tally }) => {
          const { a, r, u, n, unvoted } = counts(state);
          const approvable = approvalHolds(c, a, n);
          const impossible = !approvalHolds(c, a + u, n);
          const vetoed = c.rule.rejectPolicy === 'veto' && r > 0;
          if (c.rule.rejectPolicy === 'impossible' && tally.decided) {
            // Never early: a rejection waits until approval is out of reach.
            expect(approvable || impossible).toBe(true);
          }
          expect(tally.decided).toBe(approvable || impossible || vetoed);
          if (!tally.decided) {
            expect(tally.awaiting).toEqual(c.rule.mode === 'sequential' ? unvoted.slice(0, 1) : unvoted);
          }
          if (c.rule.mode === 'sequential') {
            // Ballots always form a prefix of the signer order.
            const firstOpen = state.signers.findIndex((x) => ballotOf(state, x) === undefined);
            if (firstOpen >= 0)
              expect(state.signers.slice(firstOpen).every((x) => ballotOf(state, x) === undefined)).toBe(
                true,
              );
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(3) given non-sequential modes where order cannot matter, when everyone votes in two random orders, then the result is the same', () => {
    // Under 'veto', any/ratio are inherently order-dependent (first decisive ballot wins); see README.
    const orderFree = caseArb(fc.constantFrom<VoteMode>('all', 'any', 'ratio'), policyArb).filter(
      (c) => c.rule.rejectPolicy === 'impossible' || c.rule.mode === 'all',
    );
    fc.assert(
      fc.property(
        orderFree,
        signersArb.chain((signers) =>
          fc.record({
            signers: fc.constant(signers),
            ballots: fc.array(ballotArb, { minLength: signers.length, maxLength: signers.length }),
            order1: fc.shuffledSubarray(signers, { minLength: signers.length }),
            order2: fc.shuffledSubarray(signers, { minLength: signers.length }),
          }),
        ),
        (c, { signers, ballots, order1, order2 }) => {
          const intended = Object.fromEntries(signers.map((s, i) => [s, ballots[i]!]));
          const finish = (order: string[]) => {
            let state: VoteState = { signers, ballots: {} };
            for (const who of order) {
              if (tallyVotes(c.rule, state).decided) break;
              state = castBallot(c.rule, state, who, intended[who]!);
            }
            const tally = tallyVotes(c.rule, state);
            expect(tally.decided).toBe(true);
            return tally.decided ? tally.result : undefined;
          };
          const approvals = ballots.filter((b) => b === 'approve').length;
          const expected = approvalHolds(c, approvals, signers.length) ? 'approved' : 'rejected';
          expect(finish(order1)).toBe(expected);
          expect(finish(order2)).toBe(expected);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('(3b) given 或签 or ratio with veto, when an approve and a reject swap order, then the first decisive ballot wins', () => {
    const any: VoteRule = { mode: 'any', rejectPolicy: 'veto' };
    const cast = (rule: VoteRule, order: [string, Ballot][]) => {
      let state: VoteState = { signers: ['a', 'b'], ballots: {} };
      for (const [who, ballot] of order) {
        if (tallyVotes(rule, state).decided) break;
        state = castBallot(rule, state, who, ballot);
      }
      return tallyVotes(rule, state);
    };
    const approveFirst: [string, Ballot][] = [
      ['a', 'approve'],
      ['b', 'reject'],
    ];
    const rejectFirst: [string, Ballot][] = [
      ['b', 'reject'],
      ['a', 'approve'],
    ];
    expect(cast(any, approveFirst)).toMatchObject({ result: 'approved' });
    expect(cast(any, rejectFirst)).toMatchObject({ result: 'rejected' });
    const half: VoteRule = { mode: 'ratio', ratio: 0.5, rejectPolicy: 'veto' };
    expect(cast(half, approveFirst)).toMatchObject({ result: 'approved' });
    expect(cast(half, rejectFirst)).toMatchObject({ result: 'rejected' });
  });

  it('(4) given a decided vote, when anyone votes or signers change, then it is refused with vote-decided', () => {
    fc.assert(
      fc.property(scenarioArb, ballotArb, ({ c, signers, ops, drain }, ballot) => {
        const { state, tally } = run(c, signers, ops, drain, () => {});
        expect(tally.decided).toBe(true);
        for (const who of [...state.signers, STRANGER]) {
          expect(errorCode(() => castBallot(c.rule, state, who, ballot))).toBe('vote-decided');
        }
        expect(errorCode(() => addSigners(c.rule, state, [STRANGER], 'end'))).toBe('vote-decided');
        const open = state.signers.filter((x) => ballotOf(state, x) === undefined);
        expect(errorCode(() => removeSigners(c.rule, state, open.slice(0, 1)))).toBe('vote-decided');
        expect(tallyVotes(c.rule, state)).toEqual(tally);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(5) given any reachable state, when it goes through JSON.stringify/parse, then it is equal and tallies the same', () => {
    fc.assert(
      fc.property(scenarioArb, ({ c, signers, ops, drain }) => {
        run(c, signers, ops, drain, ({ state, tally }, previous) => {
          const text = JSON.stringify(state);
          const copy = JSON.parse(text) as VoteState;
          expect(copy).toEqual(state);
          expect(JSON.stringify(copy)).toBe(text);
          expect(tallyVotes(c.rule, copy)).toEqual(tally);
          // Operations never mutate their input: the previous state still tallies as it did.
          if (previous) expect(tallyVotes(c.rule, previous.state)).toEqual(previous.tally);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(6) given ratio num/den and n signers, when approvals sit exactly at or just below the target, then decided with integer exactness', () => {
    const exactArb = fc.integer({ min: 1, max: 100 }).chain((den) =>
      fc.record({
        den: fc.constant(den),
        num: fc.integer({ min: 1, max: den }),
        // Bias toward multiples of den so that ties (approvals / total === ratio) are common.
        n: fc.oneof(
          fc.integer({ min: 1, max: 200 }),
          fc.integer({ min: 1, max: Math.floor(200 / den) }).map((k) => k * den),
        ),
      }),
    );
    fc.assert(
      fc.property(exactArb, ({ num, den, n }) => {
        const rule: VoteRule = { mode: 'ratio', ratio: num / den, rejectPolicy: 'impossible' };
        const signers = Array.from({ length: n }, (_, i) => `u${i}`);
        const need = Math.ceil((num * n) / den);
        const with_ = (approve: number, reject: number): VoteState => ({
          signers,
          ballots: Object.fromEntries([
            ...signers.slice(0, approve).map((s) => [s, 'approve'] as const),
            ...signers.slice(approve, approve + reject).map((s) => [s, 'reject'] as const),
          ]),
        });
        expect(tallyVotes(rule, with_(need, 0))).toMatchObject({ decided: true, result: 'approved' });
        expect(tallyVotes(rule, with_(need - 1, 0)).decided).toBe(false);
        // Reject threshold: still reachable with n - need rejections, impossible with one more.
        expect(tallyVotes(rule, with_(0, n - need)).decided).toBe(false);
        expect(tallyVotes(rule, with_(0, n - need + 1))).toMatchObject({ decided: true, result: 'rejected' });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

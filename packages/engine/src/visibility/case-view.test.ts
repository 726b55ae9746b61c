import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { compileBundle } from '../stepping/compiled-definition';
import { expenseBundle, smallDirectory } from '../stepping/fixtures/expense-bundle';
import { StepHarness } from '../stepping/fixtures/step-harness';
import { canOpenCase, viewCase } from './case-view';

const FILE = '6f1c1d2e-0000-4000-8000-00000000a001';

/** The expense claim made confidential: its reason only for district leaders, the opinion only for participants. */
const bundle: DefinitionBundle = {
  ...expenseBundle,
  definition: {
    ...expenseBundle.definition,
    confidential: { enabled: true, alsoVisibleTo: [{ kind: 'role', role: 'districtLeader', unit: 'd' }] },
    fieldVisibility: {
      reason: { audience: [{ kind: 'role', role: 'districtLeader', unit: 'd' }] },
      opinion: { audience: [{ kind: 'participants' }] },
      amount: { audience: [{ kind: 'initiator' }, { kind: 'confidentialGroup' }] },
    },
    commentVisibility: { audience: [{ kind: 'confidentialGroup' }] },
  },
};

function started(): StepHarness {
  const h = new StepHarness(bundle, smallDirectory);
  h.start('w1', { amount: 1200, reason: FILE, unit: 's1' });
  return h;
}

const view = (h: StepHarness, user: string) => viewCase(compileBundle(h.bundle), h.snap, user, h.directory);

describe('viewCase', () => {
  it('given the initiator, then the reason restricted to leaders is absent (no key), the rest is there', () => {
    const v = view(started(), 'w1')!;
    expect(v.access).toBe('participant');
    expect('reason' in v.data).toBe(false);
    expect(v.data).toMatchObject({ amount: 1200, unit: 's1' });
    expect(v.seesField('reason')).toBe(false);
  });

  it('given a district leader reading the confidential case, then he sees the reason but not the participants-only opinion', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    const leader = view(h, 'boss')!;
    expect(leader.access).toBe('designated');
    expect(leader.data.reason).toBe(FILE);
    expect('opinion' in leader.data).toBe(false);
    expect(view(h, 'sec')!.data.opinion).toBe('同意报销');
  });

  it('given the branch secretary holding the review, then the amount (initiator and readers only) and the reason are hidden on the case and on his task', () => {
    const h = started();
    const v = view(h, 'sec')!;
    expect(v.access).toBe('candidate');
    expect([...v.hiddenFields].sort()).toEqual(['amount', 'reason']);
    const review = compileBundle(bundle).index.get('review')!.def.task!;
    expect([...v.hiddenInTask(review)].sort()).toEqual(['amount', 'reason']);
    expect(v.strip({ amount: 1, opinion: 'x' })).toEqual({ opinion: 'x' });
  });

  it('given someone outside the case, then there is no view and the case cannot be opened', () => {
    const h = started();
    expect(view(h, 'head')).toBeUndefined();
    expect(canOpenCase(compileBundle(bundle), h.snap, 'head', h.directory)).toBe(false);
    expect(canOpenCase(compileBundle(bundle), h.snap, 'boss', h.directory)).toBe(true);
  });

  it('given a file named by the restricted reason, then only those who see the reason see the file', () => {
    const h = started();
    const file = { id: FILE, uploadedBy: 'w1' };
    expect(view(h, 'boss')!.seesAttachment(file)).toBe(true);
    expect(view(h, 'w1')!.seesAttachment(file)).toBe(false);
    expect(view(h, 'sec')!.seesAttachment(file)).toBe(false);
  });

  it('given a file no field names yet, then its uploader and those who see every restricted field see it, no one else', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    const loose = { id: 'not-named-anywhere', uploadedBy: 'sec' };
    expect(view(h, 'sec')!.seesAttachment(loose)).toBe(true);
    expect(view(h, 'w1')!.seesAttachment(loose)).toBe(false);
    expect(view(h, 'boss')!.seesAttachment(loose)).toBe(false);
  });

  it('given comments restricted to the readers, then the leader reads all, the initiator only his own', () => {
    const h = started();
    expect(view(h, 'boss')!.seesComment({ author: 'sec' })).toBe(true);
    expect(view(h, 'w1')!.seesComment({ author: 'sec' })).toBe(false);
    expect(view(h, 'w1')!.seesComment({ author: 'w1' })).toBe(true);
  });

  it('given a definition without field rules, then everyone who opens the case sees every field and file', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 1200, reason: FILE, unit: 's1' });
    const v = viewCase(compileBundle(expenseBundle), h.snap, 'boss', h.directory)!;
    expect(v.access).toBe('leader');
    expect(v.data).toEqual(h.snap.data);
    expect(v.seesAttachment({ id: 'x', uploadedBy: 'w1' })).toBe(true);
  });
});

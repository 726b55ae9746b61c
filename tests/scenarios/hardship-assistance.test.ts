import { beforeEach, describe, expect, it } from 'vitest';
import * as h from './data/hardship-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, notices, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'hardship-assistance';

describe.each(drivers)('爱心助困 hardship-assistance ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function atApproval(amount = 2000): Promise<string> {
    const id = await d.start(KEY, 'head103', h.application({ amountRequested: amount }));
    await d.complete(id, 'com1a', 'submit', h.homeVisit({ recommendedAmount: amount }));
    return id;
  }

  /** Approved at branch level (monthly visits) and paid; the first visit is a month away. */
  async function inSupport(): Promise<string> {
    const id = await atApproval();
    await d.complete(id, 'sec1', 'approve', h.approval());
    await d.complete(id, 'biz1', 'paid', h.payment());
    return id;
  }

  describe('start', () => {
    it.each([
      ['the contractor of the patch', 'head103'],
      ['the branch secretary', 'sec1'],
    ])(
      'given %s, when they apply, then the branch committee members are offered the home visit',
      async (_, user) => {
        const id = await d.start(KEY, user, h.application());
        expect(await whoHolds(d, id)).toEqual({ homeVisit: ['com1a', 'com1b'] });
      },
    );

    it('given a worker of another branch, when they apply, then it is not permitted', async () => {
      expect(await refusal(d.start(KEY, 'w005', h.application()))).toBe('not-permitted');
    });
  });

  it('given a small amount, when the branch approves, then the business group pays and the contractor visits monthly until closing', async () => {
    const id = await atApproval();
    expect(await whoHolds(d, id)).toEqual({ branchApproval: ['sec1'] });
    await d.complete(id, 'sec1', 'approve', h.approval());
    expect(await whoHolds(d, id)).toEqual({ payment: ['biz1', 'biz2'] });
    await d.complete(id, 'biz2', 'paid', h.payment());
    expect(await notices(d, id, 'message')).toEqual([['head103']]);
    expect(await statesOf(d, id)).toEqual(['support.waiting']);
    expect(await d.advance('P29D')).toEqual([]);
    expect(await d.advance('P1D')).toEqual([{ caseId: id, kind: 'after', stateId: 'support.waiting' }]);
    expect(await whoHolds(d, id)).toEqual({ 'support.visit': ['head103'] });
    await d.complete(id, 'head103', 'submit', h.followUp());
    expect(await statesOf(d, id)).toEqual(['support.waiting']);
    await d.advance('P30D');
    await d.complete(
      id,
      'head103',
      'submit',
      h.followUp({ recommendClose: true, closeReason: '家庭已脱困' }),
    );
    expect(await whoHolds(d, id)).toEqual({ closeReview: ['sec1'] });
    await d.complete(id, 'sec1', 'close');
    expect(await statesOf(d, id)).toEqual(['closed']);
    expect((await d.snapshot(id)).data).toMatchObject({
      approvalLevel: 'branch',
      visitCount: 2,
      amountPaid: 2000,
    });
    expect(await trail(d, id)).toEqual([
      'head103 start',
      'com1a complete submit',
      'sec1 complete approve',
      'biz2 complete paid',
      'system timerFired',
      'head103 complete submit',
      'system timerFired',
      'head103 complete submit',
      'sec1 complete close',
    ]);
    await expectReplayMatches(d, id);
  });

  describe('separation of duties (职责分离)', () => {
    it('given the branch secretary applies, when the home visit is done, then the branch approval goes to the committee member who did not visit, not to him', async () => {
      const id = await d.start(KEY, 'sec1', h.application({ amountRequested: 5000 }));
      await d.complete(id, 'com1a', 'submit', h.homeVisit({ recommendedAmount: 5000 }));
      expect(await whoHolds(d, id)).toEqual({ branchApproval: ['com1b'] });
      const [task] = await d.openTasks(id);
      const approve = { type: 'complete' as const, taskId: task!.id, outcome: 'approve', data: h.approval() };
      expect(await refusal(d.run(id, 'sec1', approve))).toBe('separation-of-duties');
      await d.complete(id, 'com1b', 'approve', h.approval({ approvedAmount: 5000 }));
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader1'] });
      await d.complete(id, 'leader1', 'approve', h.leaderApproval({ approvedAmount: 5000 }));
      expect(await whoHolds(d, id)).toEqual({ payment: ['biz1', 'biz2'] });
      await expectReplayMatches(d, id);
    });

    it('given the contracting leader approved at branch level, when the amount needs a district leader, then another district leader approves', async () => {
      const id = await d.start(KEY, 'sec1', h.application({ amountRequested: 5000 }));
      await d.complete(id, 'com1a', 'submit', h.homeVisit({ recommendedAmount: 5000 }));
      const [task] = await d.openTasks(id);
      await d.run(id, 'com1b', { type: 'transfer', taskId: task!.id, to: 'leader1' });
      await d.complete(id, 'leader1', 'approve', h.approval({ approvedAmount: 5000 }));
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader2', 'leader3', 'leader4'] });
    });
  });

  describe('approval by amount', () => {
    it('given more than 3000 yuan, when the branch approves, then the leader contracting the branch approves too', async () => {
      const id = await atApproval(5000);
      await d.complete(id, 'sec1', 'approve', h.approval({ approvedAmount: 5000 }));
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader1'] });
      await d.complete(
        id,
        'leader1',
        'approve',
        h.leaderApproval({ approvedAmount: 4000, opinion: '同意，调整为4000元' }),
      );
      expect(await whoHolds(d, id)).toEqual({ payment: ['biz1', 'biz2'] });
      expect((await d.snapshot(id)).data).toMatchObject({
        approvalLevel: 'districtLeader',
        approvedAmount: 4000,
      });
      await expectReplayMatches(d, id);
    });

    it('given exactly 3000 yuan, when the branch approves, then it goes straight to payment', async () => {
      const id = await atApproval(3000);
      await d.complete(id, 'sec1', 'approve', h.approval({ approvedAmount: 3000 }));
      expect(await statesOf(d, id)).toEqual(['payment']);
    });

    it('given the district leader, when changing the follow-up interval, then the field is read-only', async () => {
      const id = await atApproval(5000);
      await d.complete(id, 'sec1', 'approve', h.approval({ approvedAmount: 5000 }));
      const code = await refusal(
        d.complete(id, 'leader1', 'approve', h.leaderApproval({ followUpInterval: 'quarterly' })),
      );
      expect(code).toBe('invalid-form');
    });

    it.each([
      ['the branch', 'sec1', 3000],
      ['the district leader', 'leader1', 5000],
    ])('given %s rejects, then the case ends unapproved', async (_, user, amount) => {
      const id = await atApproval(amount);
      if (user === 'leader1') await d.complete(id, 'sec1', 'approve', h.approval({ approvedAmount: amount }));
      await d.complete(id, user, 'reject', undefined, { comment: '不符合帮扶条件' });
      expect(await statesOf(d, id)).toEqual(['rejected']);
    });

    it('given the leader, when returning (退回) to the branch and the branch to the home visit, then each reopens', async () => {
      const id = await atApproval(5000);
      await d.complete(id, 'sec1', 'approve', h.approval({ approvedAmount: 5000 }));
      const [task] = await d.tasksOf('leader1', id);
      await d.run(id, 'leader1', {
        type: 'return',
        taskId: task!.id,
        target: 'branchApproval',
        comment: '核减金额',
      });
      expect(await whoHolds(d, id)).toEqual({ branchApproval: ['sec1'] });
      const [again] = await d.tasksOf('sec1', id);
      await d.run(id, 'sec1', {
        type: 'return',
        taskId: again!.id,
        target: 'homeVisit',
        comment: '再核实收入',
      });
      expect(await whoHolds(d, id)).toEqual({ homeVisit: ['com1a', 'com1b'] });
      await expectReplayMatches(d, id);
    });
  });

  it('given the leader, when returning straight to the home visit, then the members verify again', async () => {
    const id = await atApproval(5000);
    await d.complete(id, 'sec1', 'approve', h.approval({ approvedAmount: 5000 }));
    const [task] = await d.tasksOf('leader1', id);
    await d.run(id, 'leader1', {
      type: 'return',
      taskId: task!.id,
      target: 'homeVisit',
      comment: '收入情况需再核实',
    });
    expect(await whoHolds(d, id)).toEqual({ homeVisit: ['com1a', 'com1b'] });
  });

  describe('payment', () => {
    it('given more paid than approved, when recorded, then it is refused', async () => {
      const id = await atApproval();
      await d.complete(id, 'sec1', 'approve', h.approval());
      expect(await refusal(d.complete(id, 'biz1', 'paid', h.payment({ amountPaid: 2500 })))).toBe(
        'not-enabled',
      );
    });

    it('given the fund source the approval chose, when the payment changes it, then the field is read-only', async () => {
      const id = await atApproval();
      await d.complete(id, 'sec1', 'approve', h.approval());
      const code = await refusal(
        d.complete(id, 'biz1', 'paid', h.payment({ fundSource: 'charityDonation' })),
      );
      expect(code).toBe('invalid-form');
    });
  });

  describe('recurring follow-up', () => {
    it('given a visit not made, when reminded twice, then the branch secretary takes it over', async () => {
      const id = await inSupport();
      await d.advance('P30D');
      expect((await d.advance('P6D')).map((t) => t.kind)).toEqual(['reminder']);
      expect((await d.advance('P1D')).map((t) => t.kind)).toEqual(['escalation']);
      expect((await d.advance('P7D')).map((t) => t.kind)).toEqual(['escalation']);
      expect(await whoHolds(d, id)).toEqual({ 'support.visit': ['sec1'] });
      await d.complete(id, 'sec1', 'submit', h.followUp());
      expect((await d.snapshot(id)).data.visitCount).toBe(1);
      await expectReplayMatches(d, id);
    });

    it('given a recommendation to close, when the secretary keeps supporting, then the visits go on', async () => {
      const id = await inSupport();
      await d.advance('P30D');
      await d.complete(
        id,
        'head103',
        'submit',
        h.followUp({ recommendClose: true, closeReason: '收入恢复' }),
      );
      await d.complete(id, 'sec1', 'continue', undefined, { comment: '医疗费用仍较大，继续帮扶' });
      expect(await statesOf(d, id)).toEqual(['support.waiting']);
      await d.advance('P30D');
      expect(await whoHolds(d, id)).toEqual({ 'support.visit': ['head103'] });
    });

    it('given a quarterly interval, when paid, then the first visit comes after 91 days', async () => {
      const id = await atApproval();
      await d.complete(id, 'sec1', 'approve', h.approval({ followUpInterval: 'quarterly' }));
      await d.complete(id, 'biz1', 'paid', h.payment());
      expect(await d.advance('P90D')).toEqual([]);
      expect(await d.advance('P1D')).toHaveLength(1);
      expect(await whoHolds(d, id)).toEqual({ 'support.visit': ['head103'] });
    });
  });

  describe('operations', () => {
    it('given the branch approval, when the secretary withdraws (撤回) before payment, then it is open again', async () => {
      const id = await atApproval();
      await d.complete(id, 'sec1', 'approve', h.approval());
      await d.run(id, 'sec1', { type: 'withdraw' });
      expect(await whoHolds(d, id)).toEqual({ branchApproval: ['sec1'] });
    });

    it('given the home visit, when a member claims it and delegates (委派) it, then it comes back to them', async () => {
      const id = await d.start(KEY, 'head103', h.application());
      const [task] = await d.tasksOf('com1b', id);
      await d.run(id, 'com1b', { type: 'claim', taskId: task!.id });
      await d.run(id, 'com1b', { type: 'delegate', taskId: task!.id, to: 'head103' });
      await d.complete(id, 'head103', 'submit', h.homeVisit());
      expect(await whoHolds(d, id)).toEqual({ homeVisit: ['com1b'] });
      await d.complete(id, 'com1b', 'submit', h.homeVisit());
      expect(await whoHolds(d, id)).toEqual({ branchApproval: ['sec1'] });
      await expectReplayMatches(d, id);
    });
  });
});

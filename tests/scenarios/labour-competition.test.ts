import { beforeEach, describe, expect, it } from 'vitest';
import * as c from './data/competition-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'labour-competition';
const LEADERS = ['leader1', 'leader2', 'leader3', 'leader4'];
/** The leaders who may approve: leader4 assessed the organ groups (separation of duties). */
const APPROVERS = ['leader1', 'leader2', 'leader3'];

/** The refusal a command ended in, with its details (field errors). */
async function refusalOf(
  pending: Promise<unknown>,
): Promise<{ code: string; details: { errors: unknown[] } }> {
  try {
    await pending;
  } catch (error) {
    return error as { code: string; details: { errors: unknown[] } };
  }
  throw new Error('expected a refusal');
}

describe.each(drivers)('劳动竞赛 labour-competition ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function assessed(start = c.start()): Promise<string> {
    const id = await d.start(KEY, 'gen1', start);
    await d.complete(id, 'safe1', 'submit', c.stations());
    await d.complete(id, 'org2', 'submit', c.branches());
    await d.complete(id, 'leader4', 'submit', c.groups());
    return id;
  }

  it('given the month, when the general office starts it, then the three competitions are assessed in parallel', async () => {
    const id = await d.start(KEY, 'gen1', c.start());
    expect(await whoHolds(d, id)).toEqual({
      'assessment.stations.assessing': ['prod1', 'prod2', 'safe1', 'tech1'],
      'assessment.branches.assessing': ['org1', 'org2'],
      'assessment.groups.assessing': LEADERS,
    });
  });

  it('given a worker, when they start a competition, then it is not permitted', async () => {
    expect(await refusal(d.start(KEY, 'w001', c.start()))).toBe('not-permitted');
  });

  it('given the full flow within budget, when approved and awarded, then the competition ends awarded', async () => {
    const id = await assessed();
    expect(await whoHolds(d, id)).toEqual({ approval: APPROVERS });
    await d.complete(id, 'leader1', 'approve', { opinion: '同意评比结果。' });
    expect(await whoHolds(d, id)).toEqual({ award: ['biz1', 'biz2'] });
    await d.complete(id, 'biz1', 'submit', c.award(4800));
    expect(await statesOf(d, id)).toEqual(['awarded']);
    expect((await d.snapshot(id)).data).toMatchObject({
      period: '2026-02',
      redFlagBranch: 'branch-4',
      serviceCupWinner: 'org-technical',
      totalBonus: 4800,
    });
    expect(await trail(d, id)).toEqual([
      'gen1 start',
      'safe1 complete submit',
      'org2 complete submit',
      'leader4 complete submit',
      'leader1 complete approve',
      'biz1 complete submit',
    ]);
    await expectReplayMatches(d, id);
  });

  describe('bonus above the budget', () => {
    it('given a bonus above the budget, when recorded, then a district leader approves it', async () => {
      const id = await assessed();
      await d.complete(id, 'leader1', 'approve', { opinion: '同意。' });
      await d.complete(id, 'biz1', 'submit', c.award(6000));
      expect(await whoHolds(d, id)).toEqual({ budgetApproval: APPROVERS });
      expect(await refusal(d.complete(id, 'leader2', 'approve'))).toBe('invalid-form');
      await d.complete(id, 'leader2', 'approve', undefined, { comment: '成绩突出，同意超预算奖励' });
      expect(await statesOf(d, id)).toEqual(['awarded']);
      await expectReplayMatches(d, id);
    });

    it('given awards of 3,000 + 5,000 + 4,000 typed as 100, when recorded, then the total is 12,000 and over the 10,000 budget', async () => {
      const id = await assessed(c.start({ rewardBudget: 10000 }));
      await d.complete(id, 'leader1', 'approve', { opinion: '同意。' });
      await d.complete(id, 'biz1', 'submit', c.awards([3000, 5000, 4000], 100));
      expect((await d.snapshot(id)).data.totalBonus).toBe(12000);
      expect(await whoHolds(d, id)).toEqual({ budgetApproval: APPROVERS });
      const events = (await d.audit(id)).flatMap((a) => (a.detail?.events ?? []) as object[]);
      expect(events).toContainEqual({ computed: 'totalBonus', submitted: 100, value: 12000 });
      await expectReplayMatches(d, id);
    });

    it('given awards within the budget, when the total is left out, then it is computed and no extra approval is needed', async () => {
      const id = await assessed(c.start({ rewardBudget: 10000 }));
      await d.complete(id, 'leader1', 'approve', { opinion: '同意。' });
      const { totalBonus: _, ...untyped } = c.awards([3000, 2500.5, 4000]);
      await d.complete(id, 'biz1', 'submit', untyped);
      expect((await d.snapshot(id)).data.totalBonus).toBe(9500.5);
      expect(await statesOf(d, id)).toEqual(['awarded']);
    });

    it('given no budget, when the bonus stays under the 20000 yuan limit, then no extra approval is needed', async () => {
      const { rewardBudget: _, ...noBudget } = c.start();
      const id = await assessed(noBudget);
      await d.complete(id, 'leader1', 'approve', { opinion: '同意。' });
      await d.complete(id, 'biz1', 'submit', c.award(20000));
      expect(await statesOf(d, id)).toEqual(['awarded']);
    });

    it('given the over-budget approval, when returned (退回), then the business group records the awards again', async () => {
      const id = await assessed();
      await d.complete(id, 'leader1', 'approve', { opinion: '同意。' });
      await d.complete(id, 'biz1', 'submit', c.award(8000));
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', { type: 'claim', taskId: task!.id });
      await d.run(id, 'leader3', {
        type: 'return',
        taskId: task!.id,
        target: 'award',
        comment: '请控制在预算内',
      });
      expect(await whoHolds(d, id)).toEqual({ award: ['biz1', 'biz2'] });
      await d.complete(id, 'biz2', 'submit', c.award(5000));
      expect(await statesOf(d, id)).toEqual(['awarded']);
    });
  });

  it("given the results, when the approver returns them (退回) to the stations' assessment, then only that branch reopens", async () => {
    const id = await assessed();
    const [task] = await d.tasksOf('leader2', id);
    await d.run(id, 'leader2', {
      type: 'return',
      taskId: task!.id,
      target: 'assessment.stations.assessing',
      comment: '复核',
    });
    // a return goes back to whoever did the step (safe1 assessed the stations), not to the pool
    expect(await whoHolds(d, id)).toEqual({ 'assessment.stations.assessing': ['safe1'] });
    expect(await statesOf(d, id)).toEqual([
      'assessment.branches.done',
      'assessment.groups.done',
      'assessment.stations.assessing',
    ]);
    await d.complete(id, 'safe1', 'submit', c.stations());
    expect(await whoHolds(d, id)).toEqual({ approval: APPROVERS });
    await expectReplayMatches(d, id);
  });

  describe('winners of the right kind', () => {
    it('given a station named the red-flag branch (红旗党支部), when submitted, then it is refused at that field', async () => {
      const id = await d.start(KEY, 'gen1', c.start());
      const error = await refusalOf(
        d.complete(id, 'org1', 'submit', { ...c.branches(), redFlagBranch: 'station-113' }),
      );
      expect(error.code).toBe('invalid-reference');
      expect(error.details.errors).toEqual([
        expect.objectContaining({ path: '/redFlagBranch', keyword: 'x-unitKinds' }),
      ]);
    });

    it('given a branch named the service-cup (优胜服务杯) winner, when submitted, then it is refused at that field', async () => {
      const id = await d.start(KEY, 'gen1', c.start());
      const error = await refusalOf(
        d.complete(id, 'leader1', 'submit', { ...c.groups(), serviceCupWinner: 'branch-4' }),
      );
      expect(error.code).toBe('invalid-reference');
      expect(error.details.errors).toEqual([
        expect.objectContaining({ path: '/serviceCupWinner', keyword: 'x-unitKinds' }),
      ]);
    });
  });

  it('given the assessment month, when an assessor changes it, then the field is read-only', async () => {
    const id = await d.start(KEY, 'gen1', c.start());
    expect(await refusal(d.complete(id, 'org1', 'submit', { ...c.branches(), period: '2026-03' }))).toBe(
      'invalid-form',
    );
  });

  it('given the awards just recorded, when the business group withdraws (撤回), then they may record again', async () => {
    const id = await assessed();
    await d.complete(id, 'leader1', 'approve', { opinion: '同意。' });
    await d.complete(id, 'biz1', 'submit', c.award(6000));
    await d.run(id, 'biz1', { type: 'withdraw' });
    expect(await whoHolds(d, id)).toEqual({ award: ['biz1', 'biz2'] });
  });

  it('given an assessment not in, when the deadline nears and passes, then the assessor is reminded three times', async () => {
    const id = await d.start(KEY, 'gen1', c.start());
    await d.complete(id, 'safe1', 'submit', c.stations());
    await d.complete(id, 'org1', 'submit', c.branches());
    expect((await d.advance('P2DT2H')).map((t) => t.kind)).toEqual(['reminder']);
    expect((await d.advance('P3D')).map((t) => t.kind)).toEqual(['escalation']);
    expect((await d.advance('P2D')).map((t) => t.kind)).toEqual(['escalation']);
    expect((await d.advance('P2D')).map((t) => t.kind)).toEqual(['escalation']);
    expect(await d.advance('P10D')).toEqual([]);
    const task = (await d.openTasks(id))[0]!;
    expect(task.users).toEqual(LEADERS);
    await d.complete(id, 'leader1', 'submit', c.groups());
    expect(await statesOf(d, id)).toEqual(['approval']);
    await expectReplayMatches(d, id);
  });

  it('given the station assessment, when delegated (委派) to a technician, then it comes back to the assessor', async () => {
    const id = await d.start(KEY, 'gen1', c.start());
    const [task] = await d.tasksOf('prod1', id);
    await d.run(id, 'prod1', { type: 'claim', taskId: task!.id });
    await d.run(id, 'prod1', { type: 'delegate', taskId: task!.id, to: 'tech2' });
    await d.complete(id, 'tech2', 'submit', c.stations());
    await d.complete(id, 'prod1', 'submit', c.stations());
    expect(await statesOf(d, id)).toContain('assessment.stations.done');
  });
});

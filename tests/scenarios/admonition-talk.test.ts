import { beforeEach, describe, expect, it } from 'vitest';
import * as t from './data/admonition-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, notices, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'admonition-talk';

describe.each(drivers)('诫勉谈话 admonition-talk ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  /** Scheduled and held by leader2; the cadre head105 owes a plan. */
  async function atPlan(): Promise<string> {
    const id = await d.start(KEY, 'leader2', t.request());
    await d.complete(id, 'leader2', 'scheduled', t.schedule());
    await d.complete(id, 'leader2', 'recorded', t.record());
    return id;
  }

  /** The plan is in; the rectification period (until 3 April, 09:00 Beijing) has run out. */
  async function atReview(): Promise<string> {
    const id = await atPlan();
    await d.complete(id, 'head105', 'submit', t.plan());
    expect(await d.advance('P31D')).toEqual([]);
    expect(await d.advance('PT17H')).toEqual([{ caseId: id, kind: 'after', stateId: 'rectifying' }]);
    return id;
  }

  it('given a district leader, when they start a talk by hand, then the talker schedules it', async () => {
    const id = await d.start(KEY, 'leader2', t.request());
    expect(await whoHolds(d, id)).toEqual({ schedule: ['leader2'] });
  });

  it('given a worker, when they try to start a talk, then it is not permitted', async () => {
    expect(await refusal(d.start(KEY, 'w005', t.request()))).toBe('not-permitted');
  });

  it('given the full flow, when the cadre rectifies, then the talker closes the case at the end of the period', async () => {
    const id = await d.start(KEY, 'leader2', t.request());
    await d.complete(id, 'leader2', 'scheduled', t.schedule());
    expect(await notices(d, id, 'message')).toEqual([['head105']]);
    expect(await whoHolds(d, id)).toEqual({ talk: ['leader2'] });
    await d.complete(id, 'leader2', 'recorded', t.record());
    expect(await whoHolds(d, id)).toEqual({ plan: ['head105'] });
    await d.complete(id, 'head105', 'submit', t.plan());
    expect(await statesOf(d, id)).toEqual(['rectifying']);
    expect(await whoHolds(d, id)).toEqual({});
    await d.advance('P31DT17H');
    expect(await whoHolds(d, id)).toEqual({ review: ['leader2'] });
    await d.complete(id, 'leader2', 'submit', t.review());
    expect(await statesOf(d, id)).toEqual(['closed']);
    expect((await d.snapshot(id)).data).toMatchObject({
      planStatus: 'submitted',
      talker: 'leader2',
      location: '四区党总支办公室',
      result: 'rectified',
    });
    expect(await trail(d, id)).toEqual([
      'leader2 start',
      'leader2 complete scheduled',
      'leader2 complete recorded',
      'head105 complete submit',
      'system timerFired',
      'leader2 complete submit',
    ]);
    await expectReplayMatches(d, id);
  });

  it('given the record, when the talker tries to change who talked, then the field is read-only', async () => {
    const id = await d.start(KEY, 'leader2', t.request());
    await d.complete(id, 'leader2', 'scheduled', t.schedule());
    expect(await refusal(d.complete(id, 'leader2', 'recorded', t.record({ talker: 'leader1' })))).toBe(
      'invalid-form',
    );
  });

  describe('escalation to the district committee', () => {
    it('given the rectification is not done, when reviewed, then the committee decides and closes the case', async () => {
      const id = await atReview();
      await d.complete(
        id,
        'leader2',
        'submit',
        t.review({ result: 'partiallyRectified', opinion: '仍有差距' }),
      );
      expect(await whoHolds(d, id)).toEqual({
        committeeReview: ['leader1', 'leader2', 'leader3', 'leader4'],
      });
      expect((await d.snapshot(id)).data.escalationReason).toBe('notRectified');
      expect(await refusal(d.complete(id, 'leader1', 'close'))).toBe('invalid-form');
      await d.complete(id, 'leader1', 'close', undefined, { comment: '给予调整岗位处理' });
      expect(await statesOf(d, id)).toEqual(['closedByCommittee']);
      await expectReplayMatches(d, id);
    });

    it('given no plan, when reminded before the deadline and again after it, then the committee takes it up', async () => {
      const id = await atPlan();
      expect(await d.advance('P4D')).toEqual([{ caseId: id, kind: 'reminder', stateId: 'plan' }]);
      expect(await d.advance('P1D')).toEqual([{ caseId: id, kind: 'escalation', stateId: 'plan' }]);
      expect(await notices(d, id, 'reminder')).toEqual([['head105'], ['head105']]);
      expect(await whoHolds(d, id)).toEqual({ plan: ['head105'] });
      expect(await d.advance('P5D')).toEqual([{ caseId: id, kind: 'escalation', stateId: 'plan' }]);
      expect(await statesOf(d, id)).toEqual(['committeeReview']);
      expect((await d.snapshot(id)).data).toMatchObject({
        planStatus: 'overdue',
        escalationReason: 'planOverdue',
      });
      await expectReplayMatches(d, id);
    });

    it('given the cadre, when they try to mark their own plan overdue, then it is refused', async () => {
      const id = await atPlan();
      expect(await refusal(d.complete(id, 'head105', 'overdue'))).toBe('not-enabled');
    });

    it('given the committee, when it returns the case to the talk (退回), then the talker talks again', async () => {
      const id = await atReview();
      await d.complete(id, 'leader2', 'submit', t.review({ result: 'notRectified' }));
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', { type: 'claim', taskId: task!.id });
      await d.run(id, 'leader3', { type: 'return', taskId: task!.id, target: 'talk', comment: '再谈一次' });
      expect(await whoHolds(d, id)).toEqual({ talk: ['leader2'] });
      await expectReplayMatches(d, id);
    });
  });

  describe('operations', () => {
    it('given the talk, when the talker returns it to scheduling (改期), then it is scheduled again', async () => {
      const id = await d.start(KEY, 'leader2', t.request());
      await d.complete(id, 'leader2', 'scheduled', t.schedule());
      const [task] = await d.tasksOf('leader2', id);
      await d.run(id, 'leader2', {
        type: 'return',
        taskId: task!.id,
        target: 'schedule',
        comment: '本人出差，改期',
      });
      expect(await whoHolds(d, id)).toEqual({ schedule: ['leader2'] });
    });

    it('given the record just submitted, when the talker withdraws it (撤回), then the talk is open again', async () => {
      const id = await atPlan();
      await d.run(id, 'leader2', { type: 'withdraw' });
      expect(await whoHolds(d, id)).toEqual({ talk: ['leader2'] });
      expect(await notices(d, id, 'withdrawn')).toEqual([['head105']]);
    });

    it('given the schedule, when transferred (转办) to another leader, then that leader also holds the talk', async () => {
      const id = await d.start(KEY, 'leader2', t.request());
      const [task] = await d.tasksOf('leader2', id);
      await d.run(id, 'leader2', {
        type: 'transfer',
        taskId: task!.id,
        to: 'leader3',
        comment: '请高勇同志谈话',
      });
      await d.complete(id, 'leader3', 'scheduled', t.schedule());
      expect(await whoHolds(d, id)).toEqual({ talk: ['leader3'] });
    });

    it('given the schedule, when delegated (委派) to the organisation group, then it comes back to the talker', async () => {
      const id = await d.start(KEY, 'leader2', t.request());
      const [task] = await d.tasksOf('leader2', id);
      await d.run(id, 'leader2', { type: 'delegate', taskId: task!.id, to: 'org1' });
      await d.complete(id, 'org1', 'scheduled', t.schedule());
      expect(await whoHolds(d, id)).toEqual({ schedule: ['leader2'] });
      await d.complete(id, 'leader2', 'scheduled', t.schedule({ scheduledTime: '10:00' }));
      expect(await whoHolds(d, id)).toEqual({ talk: ['leader2'] });
      await expectReplayMatches(d, id);
    });

    it('given a transferred schedule, when the initiator urges (催办), then the new holder is told; an outsider may not', async () => {
      const id = await d.start(KEY, 'leader2', t.request());
      const [task] = await d.tasksOf('leader2', id);
      await d.run(id, 'leader2', { type: 'transfer', taskId: task!.id, to: 'leader3' });
      await d.run(id, 'leader2', { type: 'urge', taskId: task!.id });
      expect(await notices(d, id, 'urged')).toEqual([['leader3']]);
      expect(await refusal(d.run(id, 'w005', { type: 'urge', taskId: task!.id }))).toBe('not-permitted');
    });
  });

  it('given a confidential talk, then participants, the discipline group and district leaders see it, nobody else', async () => {
    const id = await d.start(KEY, 'leader2', t.request());
    expect(await d.visibility(id, 'leader2')).toBe('participant');
    expect(await d.visibility(id, 'insp3')).toBe('designated');
    expect(await d.visibility(id, 'leader4')).toBe('designated');
    expect(await d.visibility(id, 'head105')).toBeUndefined();
    await d.complete(id, 'leader2', 'scheduled', t.schedule());
    // Told to attend at the time and place of the case, the cadre may open it from now on.
    expect(await d.visibility(id, 'head105')).toBe('designated');
    await d.complete(id, 'leader2', 'recorded', t.record());
    expect(await d.visibility(id, 'head105')).toBe('participant');
    for (const outsider of ['admin', 'sec2', 'org1', 'w005']) {
      expect(await d.visibility(id, outsider), outsider).toBeUndefined();
    }
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import * as e from './data/evaluation-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'quarterly-cadre-evaluation';
const REPS = ['rep1', 'rep10', 'rep2', 'rep3', 'rep4', 'rep5', 'rep6', 'rep7', 'rep8', 'rep9'];

describe.each(drivers)('基层干部季度考核 quarterly-cadre-evaluation ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function scored(): Promise<string> {
    const id = await d.start(KEY, 'org1', e.start());
    await d.complete(id, 'leader1', 'submit', e.leaders());
    await d.complete(id, 'head102', 'submit', e.fellows());
    await d.complete(id, 'rep5', 'submit', e.reps());
    return id;
  }

  it('given the organisation group starts the quarter, then the three tiers are asked in parallel', async () => {
    const id = await d.start(KEY, 'org1', e.start());
    expect(await whoHolds(d, id)).toEqual({
      'scoring.leaders.scoring': ['leader1', 'leader2', 'leader3', 'leader4'],
      'scoring.cadres.scoring': ['head101', 'head102', 'head105', 'sec3'],
      'scoring.reps.scoring': REPS,
    });
    expect((await d.openTasks(id))[0]!.dueAt).toBe('2026-03-06T10:00:00.000Z');
  });

  it('given three score sheets, when all are in, then weighted scores, ranks and the lowest two are computed', async () => {
    const id = await scored();
    const data = (await d.snapshot(id)).data;
    expect(data.rankings).toEqual([
      { cadre: 'head101', leaderScore: 90, cadreScore: 85, repScore: 88, weightedScore: 87.9, rank: 1 },
      { cadre: 'head102', leaderScore: 70, cadreScore: 75, repScore: 72, weightedScore: 72.1, rank: 2 },
      { cadre: 'head105', leaderScore: 80, cadreScore: 65, repScore: 60, weightedScore: 69.5, rank: 3 },
      { cadre: 'sec3', leaderScore: 60, cadreScore: 70, repScore: 66, weightedScore: 64.8, rank: 4 },
    ]);
    expect(data.lowestTwo).toEqual([
      { cadre: 'head105', weightedScore: 69.5 },
      { cadre: 'sec3', weightedScore: 64.8 },
    ]);
    expect(data.lowestCadres).toEqual(['head105', 'sec3']);
    expect(await whoHolds(d, id)).toEqual({ ranking: ['leader1', 'leader2', 'leader3', 'leader4'] });
  });

  it('given the ranking, when confirmed, then an admonition talk starts for each of the lowest two and outlives the evaluation', async () => {
    const id = await scored();
    await d.complete(id, 'leader2', 'confirm', e.ranking());
    const starts = (await d.effects(id)).filter((x) => x.type === 'startChild');
    expect(starts.map((s) => s.type === 'startChild' && s.data)).toEqual([
      {
        cadre: 'head105',
        unit: 'station-105',
        reason: 'quarterlyEvaluation',
        reasonDetail: '2026年第1季度基层干部考核加权得分排名后2名',
        talker: 'leader2',
      },
      {
        cadre: 'sec3',
        unit: 'branch-3',
        reason: 'quarterlyEvaluation',
        reasonDetail: '2026年第1季度基层干部考核加权得分排名后2名',
        talker: 'leader2',
      },
    ]);
    const [first, second] = await d.children(id);
    expect((await d.tasksOf('leader2')).map((t) => t.caseId).sort()).toEqual([first, second].sort());
    await d.run(first!, 'admin', { type: 'cancel', reason: '重复发起' });
    expect((await d.snapshot(id)).children.map((c) => c.status)).toEqual(['cancelled', 'running']);
    expect(await whoHolds(d, id)).toEqual({ archiving: ['org1', 'org2'] });
    await d.complete(id, 'org2', 'filed');
    expect(await statesOf(d, id)).toEqual(['done']);
    expect((await d.snapshot(second!)).status).toBe('running');
    expect(await trail(d, id)).toEqual([
      'org1 start',
      'leader1 complete submit',
      'head102 complete submit',
      'rep5 complete submit',
      'leader2 complete confirm',
      'system childDone',
      'org2 complete filed',
    ]);
    await expectReplayMatches(d, id);
    await expectReplayMatches(d, second!);
  });

  it('given a talk started by the evaluation, when it runs to its end after the evaluation closed, then the evaluation is untouched', async () => {
    const id = await scored();
    await d.complete(id, 'leader2', 'confirm', e.ranking());
    await d.complete(id, 'org1', 'filed');
    const [talk] = await d.children(id);
    await d.complete(talk!, 'leader2', 'scheduled', {
      scheduledDate: '2026-03-12',
      scheduledTime: '09:00',
      location: '四区党总支办公室',
    });
    await d.complete(talk!, 'leader2', 'recorded', {
      talkedOn: '2026-03-12',
      problemsPointedOut: '考核排名靠后，履职不到位。',
      cadreStatement: '认真整改。',
      attitude: 'acceptable',
      rectificationRequired: '一个月内改进。',
      rectificationDeadline: '2026-04-10',
    });
    await d.complete(talk!, 'head105', 'submit', {
      selfReflection: '责任心不强。',
      measures: [{ problem: '巡检不到位', measure: '每日巡检', completeBy: '2026-04-01' }],
      submittedOn: '2026-03-13',
    });
    await d.advance('P40D');
    await d.complete(talk!, 'leader2', 'submit', {
      reviewedOn: '2026-04-11',
      result: 'rectified',
      findings: '已改进。',
      opinion: '同意结束。',
    });
    expect((await d.snapshot(talk!)).status).toBe('completed');
    expect((await d.snapshot(id)).status).toBe('completed');
    expect((await d.snapshot(id)).children.map((c) => c.status)).toEqual(['running', 'running']);
    await expectReplayMatches(d, id);
  });

  describe('refusals', () => {
    it("given a leader, when they submit another tier's sheet, then it is refused", async () => {
      const id = await d.start(KEY, 'org1', e.start());
      expect(await refusal(d.complete(id, 'leader1', 'submit', e.reps()))).toBe('not-enabled');
    });

    it('given the confirmation, when another cadre is put among the lowest two, then it is refused', async () => {
      const id = await scored();
      const swapped = e.ranking({
        lowestTwo: [
          { cadre: 'head102', unit: 'station-102', talker: 'leader1' },
          { cadre: 'sec3', unit: 'branch-3', talker: 'leader2' },
        ],
      });
      expect(await refusal(d.complete(id, 'leader2', 'confirm', swapped))).toBe('not-enabled');
    });

    it('given the computed ranking, when the confirmer edits it, then the field is read-only', async () => {
      const id = await scored();
      const edited = e.ranking({ rankings: [{ cadre: 'sec3', weightedScore: 99, rank: 1 }] });
      expect(await refusal(d.complete(id, 'leader2', 'confirm', edited))).toBe('invalid-form');
    });
  });

  it('given the ranking, when returned (退回) for re-scoring, then all three tiers score again', async () => {
    const id = await scored();
    const [task] = await d.tasksOf('leader4', id);
    await d.run(id, 'leader4', {
      type: 'return',
      taskId: task!.id,
      target: 'scoring.leaders.scoring',
      comment: '评分有误',
    });
    expect(Object.keys(await whoHolds(d, id)).sort()).toEqual([
      'scoring.cadres.scoring',
      'scoring.leaders.scoring',
      'scoring.reps.scoring',
    ]);
    await expectReplayMatches(d, id);
  });

  it('given sheets not in, when reminded the day before and two days after the deadline, then the organisation group enters them', async () => {
    const id = await d.start(KEY, 'org1', e.start());
    await d.complete(id, 'leader3', 'submit', e.leaders());
    expect((await d.advance('P3DT2H')).map((t) => `${t.kind} ${t.stateId}`)).toEqual([
      'reminder scoring.cadres.scoring',
      'reminder scoring.reps.scoring',
    ]);
    expect((await d.advance('P3D')).map((t) => t.kind)).toEqual(['escalation', 'escalation']);
    expect(await whoHolds(d, id)).toEqual({
      'scoring.cadres.scoring': ['org1', 'org2'],
      'scoring.reps.scoring': ['org1', 'org2'],
    });
    await d.complete(id, 'org2', 'submit', e.fellows(), { state: 'scoring.cadres.scoring' });
    await d.complete(id, 'org2', 'submit', e.reps(), { state: 'scoring.reps.scoring' });
    expect(await statesOf(d, id)).toEqual(['ranking']);
    await expectReplayMatches(d, id);
  });

  it('given the leaders tier, when one leader claims it, then the others no longer see it', async () => {
    const id = await d.start(KEY, 'org1', e.start());
    const [task] = await d.tasksOf('leader3', id);
    await d.run(id, 'leader3', { type: 'claim', taskId: task!.id });
    expect(await d.tasksOf('leader1', id)).toEqual([]);
    expect((await whoHolds(d, id))['scoring.leaders.scoring']).toEqual(['leader3']);
  });
});

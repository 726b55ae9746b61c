import { InMemoryDirectory, taskSubject } from '@flowform/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import * as e from './data/evaluation-data';
import { drivers } from './drivers';
import type { DriverTask, ScenarioDriver } from './scenario-driver';
import { demoDirectorySeed } from './shipped-bundles';
import { expectReplayMatches, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'quarterly-cadre-evaluation';
const TIERS = {
  'scoring.leaders.scoring': 'leaders',
  'scoring.cadres.scoring': 'cadres',
  'scoring.reps.scoring': 'reps',
} as const;
type TierState = keyof typeof TIERS;
type Sheet = { item: string; by: string; score: number };

describe.each(drivers)('基层干部季度考核 quarterly-cadre-evaluation ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  /** Every open scoring task of the given tiers, completed by its rater with that rater's sheet. */
  async function score(id: string, states: TierState[] = Object.keys(TIERS) as TierState[]): Promise<number> {
    const open = (await d.openTasks(id)).filter((t) => states.includes(t.stateId as TierState));
    for (const task of open) {
      const rater = task.assignee ?? task.users[0]!;
      const data = e.sheet(TIERS[task.stateId as TierState], rater, task.item as string);
      await d.run(id, rater, { type: 'complete', taskId: task.id, outcome: 'submit', data });
    }
    return open.length;
  }

  async function scored(): Promise<string> {
    const id = await d.start(KEY, 'org1', e.start());
    await score(id);
    return id;
  }

  const pairs = (tasks: DriverTask[]) => tasks.map((t) => `${t.assignee}→${String(t.item)}`).sort();

  it('given the organisation group starts the quarter, then every rater of each tier gets one scoring task per cadre, never for themself', async () => {
    const id = await d.start(KEY, 'org1', e.start());
    const tasks = await d.openTasks(id);
    const count = (state: string) => tasks.filter((t) => t.stateId === state).length;
    expect(tasks).toHaveLength(68);
    expect(count('scoring.leaders.scoring')).toBe(e.LEADERS.length * e.CADRES.length);
    expect(count('scoring.cadres.scoring')).toBe(e.CADRES.length * (e.CADRES.length - 1));
    expect(count('scoring.reps.scoring')).toBe(e.REPS.length * e.CADRES.length);
    expect(pairs(await d.tasksOf('head101', id))).toEqual([
      'head101→head102',
      'head101→head105',
      'head101→sec3',
    ]);
    expect(pairs(await d.tasksOf('rep7', id))).toEqual(e.CADRES.map((c) => `rep7→${c}`));
    expect(tasks.filter((t) => t.assignee === t.item)).toEqual([]);
    expect(tasks[0]!.dueAt).toBe('2026-03-06T10:00:00.000Z');
  });

  it("given the quarter started, then each of a leader's scoring tasks names the cadre it scores, by the directory's name and unit", async () => {
    const id = await d.start(KEY, 'org1', e.start());
    const directory = new InMemoryDirectory(demoDirectorySeed());
    const subjects = (await d.tasksOf('leader1', id)).map((t) => taskSubject(t.item, directory));
    expect(subjects.map((x) => x?.kind === 'person' && x.username)).toEqual(e.CADRES);
    for (const subject of subjects)
      expect(subject).toMatchObject({
        name: directory.user((subject as { username: string }).username)!.displayName,
        unit: { id: expect.any(String), name: expect.objectContaining({ 'zh-CN': expect.any(String) }) },
      });
  });

  it('given weights that do not add up to 100, when the quarter is started, then the error is on the weight field', async () => {
    const error = await d.start(KEY, 'org1', e.start({ repWeight: 20 })).catch((x: unknown) => x);
    expect(error).toMatchObject({
      code: 'invalid-form',
      details: {
        errors: [{ path: '/repWeight', keyword: 'validIf', message: expect.stringContaining('100') }],
      },
    });
  });

  it('given every sheet in, then tier averages, weighted totals, ranks and the lowest two are computed', async () => {
    const id = await scored();
    const data = (await d.snapshot(id)).data;
    expect(data.rankings).toEqual([
      { cadre: 'head101', leaderScore: 90.38, cadreScore: 85, repScore: 88, weightedScore: 88.05, rank: 1 },
      { cadre: 'head102', leaderScore: 70.38, cadreScore: 75, repScore: 72, weightedScore: 72.25, rank: 2 },
      { cadre: 'head105', leaderScore: 80.38, cadreScore: 65, repScore: 60, weightedScore: 69.65, rank: 3 },
      { cadre: 'sec3', leaderScore: 60.38, cadreScore: 70, repScore: 66, weightedScore: 64.95, rank: 4 },
    ]);
    expect(data.lowestCadres).toEqual(['head105', 'sec3']);
    expect(data.lowestTwo).toEqual([
      { cadre: 'head105', leaderScore: 80.38, cadreScore: 65, repScore: 60, weightedScore: 69.65, rank: 3 },
      { cadre: 'sec3', leaderScore: 60.38, cadreScore: 70, repScore: 66, weightedScore: 64.95, rank: 4 },
    ]);
    const sheets = [data.leaderSheets, data.cadreSheets, data.repSheets] as Sheet[][];
    expect(sheets.map((s) => s.length)).toEqual([16, 12, 40]);
    // The ranking can hold no cadre's own score: no sheet was written by the cadre it scores.
    expect(sheets.flat().filter((s) => s.by === s.item)).toEqual([]);
    expect(await whoHolds(d, id)).toEqual({ ranking: e.LEADERS });
  });

  it('given the leaders are done and the other tiers are not, then the evaluation waits for the last sheet', async () => {
    const id = await d.start(KEY, 'org1', e.start());
    expect(await score(id, ['scoring.leaders.scoring', 'scoring.reps.scoring'])).toBe(56);
    const [last, ...others] = (await d.openTasks(id)).filter((t) => t.stateId === 'scoring.cadres.scoring');
    for (const t of others)
      await d.run(id, t.assignee!, {
        type: 'complete',
        taskId: t.id,
        outcome: 'submit',
        data: e.sheet('cadres', t.assignee!, t.item as string),
      });
    expect(await statesOf(d, id)).toEqual([
      'scoring.cadres.scoring',
      'scoring.leaders.done',
      'scoring.reps.done',
    ]);
    await d.run(id, last!.assignee!, {
      type: 'complete',
      taskId: last!.id,
      outcome: 'submit',
      data: e.sheet('cadres', last!.assignee!, last!.item as string),
    });
    expect(await statesOf(d, id)).toEqual(['ranking']);
  });

  describe('a rater never scores themself (separation rule)', () => {
    it('given a cadre’s sheet on a fellow cadre, when he transfers it to that fellow, then it is refused', async () => {
      const id = await d.start(KEY, 'org1', e.start());
      const task = (await d.tasksOf('head101', id)).find((t) => t.item === 'head102')!;
      expect(await refusal(d.run(id, 'head101', { type: 'transfer', taskId: task.id, to: 'head102' }))).toBe(
        'not-permitted',
      );
    });

    it('given a leader’s sheet on a cadre, when it is transferred to that cadre, then it is refused', async () => {
      const id = await d.start(KEY, 'org1', e.start());
      const task = (await d.tasksOf('leader1', id)).find((t) => t.item === 'sec3')!;
      expect(await refusal(d.run(id, 'leader1', { type: 'transfer', taskId: task.id, to: 'sec3' }))).toBe(
        'outside-reach', // the cadre scored is not among those the sheet may reach
      );
    });
  });

  it('given the ranking, when confirmed, then an admonition talk starts for each of the lowest two with its scores and this case attached', async () => {
    const id = await scored();
    await d.complete(id, 'leader2', 'confirm', e.ranking());
    const starts = (await d.effects(id)).filter((x) => x.type === 'startChild');
    expect(starts.map((s) => s.type === 'startChild' && s.data)).toEqual([
      {
        cadre: 'head105',
        unit: 'station-105',
        reason: 'quarterlyEvaluation',
        reasonDetail: '2026年第1季度基层干部考核：加权总分 69.65 分，排名第 3 / 4（后2名）',
        talker: 'leader2',
        sourceCaseRef: id,
        evaluationScores: {
          leaderScore: 80.38,
          cadreScore: 65,
          repScore: 60,
          weightedScore: 69.65,
          rank: 3,
          of: 4,
        },
      },
      {
        cadre: 'sec3',
        unit: 'branch-3',
        reason: 'quarterlyEvaluation',
        reasonDetail: '2026年第1季度基层干部考核：加权总分 64.95 分，排名第 4 / 4（后2名）',
        talker: 'leader2',
        sourceCaseRef: id,
        evaluationScores: {
          leaderScore: 60.38,
          cadreScore: 70,
          repScore: 66,
          weightedScore: 64.95,
          rank: 4,
          of: 4,
        },
      },
    ]);
    const [first, second] = await d.children(id);
    expect((await d.snapshot(first!)).data.sourceCaseRef).toBe(id);
    expect((await d.tasksOf('leader2')).map((t) => t.caseId).sort()).toEqual([first, second].sort());
    await d.run(first!, 'admin', { type: 'cancel', reason: '重复发起' });
    expect((await d.snapshot(id)).children).toMatchObject([
      { status: 'cancelled', outcome: 'cancelled' },
      { status: 'running' },
    ]);
    expect(await whoHolds(d, id)).toEqual({ archiving: ['org1', 'org2'] });
    await d.complete(id, 'org2', 'filed');
    expect(await statesOf(d, id)).toEqual(['done']);
    expect((await d.snapshot(second!)).status).toBe('running');
    const lines = await trail(d, id);
    expect(lines).toHaveLength(1 + 68 + 3);
    expect(lines.slice(-3)).toEqual(['leader2 complete confirm', 'system childDone', 'org2 complete filed']);
    await expectReplayMatches(d, id);
    await expectReplayMatches(d, second!);
  });

  it('given a talk started by the evaluation, when it runs to its end after the evaluation closed, then the evaluation records how it ended', async () => {
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
    const evaluation = await d.snapshot(id);
    expect(evaluation.status).toBe('completed');
    expect(evaluation.children).toMatchObject([
      {
        status: 'completed',
        outcome: 'completed',
        endState: 'closed',
        endStateName: { 'zh-CN': '整改到位，结束' },
      },
      { status: 'running' },
    ]);
    await expectReplayMatches(d, id);
  });

  describe('refusals', () => {
    it('given a rater, when the sheet has no score, then it is refused', async () => {
      const id = await d.start(KEY, 'org1', e.start());
      const [task] = await d.tasksOf('leader1', id);
      expect(
        await refusal(
          d.run(id, 'leader1', { type: 'complete', taskId: task!.id, outcome: 'submit', data: {} }),
        ),
      ).toBe('invalid-form');
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

  it('given the ranking, when returned (退回) to the leaders, then only the leaders score again and the ranking is recomputed from their new sheets', async () => {
    const id = await scored();
    const [task] = await d.tasksOf('leader4', id);
    await d.run(id, 'leader4', {
      type: 'return',
      taskId: task!.id,
      target: 'scoring.leaders.scoring',
      comment: '评分有误',
    });
    expect(Object.keys(await whoHolds(d, id))).toEqual(['scoring.leaders.scoring']);
    expect(await d.openTasks(id)).toHaveLength(16);
    expect((await d.snapshot(id)).data.leaderSheets).toEqual([]);
    // This time every leader gives sec3 ten points more.
    for (const t of await d.openTasks(id)) {
      const sheet = e.sheet('leaders', t.assignee!, t.item as string);
      const score = (sheet.score as number) + (t.item === 'sec3' ? 10 : 0);
      await d.run(id, t.assignee!, { type: 'complete', taskId: t.id, outcome: 'submit', data: { score } });
    }
    const data = (await d.snapshot(id)).data;
    expect((data.leaderSheets as Sheet[]).length).toBe(16);
    expect(data.rankings).toContainEqual({
      cadre: 'sec3',
      leaderScore: 70.38,
      cadreScore: 70,
      repScore: 66,
      weightedScore: 68.95,
      rank: 4,
    });
    expect(await statesOf(d, id)).toEqual(['ranking']);
    await expectReplayMatches(d, id);
  });

  it('given sheets not in, when reminded the day before and two days after the deadline, then the organisation group enters them', async () => {
    const id = await d.start(KEY, 'org1', e.start());
    for (const t of await d.tasksOf('leader3', id))
      await d.run(id, 'leader3', {
        type: 'complete',
        taskId: t.id,
        outcome: 'submit',
        data: e.sheet('leaders', 'leader3', t.item as string),
      });
    const reminded = await d.advance('P3DT2H');
    expect(reminded.filter((t) => t.kind === 'reminder')).toHaveLength(64);
    const escalated = await d.advance('P3D');
    expect(escalated.filter((t) => t.kind === 'escalation')).toHaveLength(64);
    expect(await whoHolds(d, id)).toEqual({
      'scoring.cadres.scoring': ['org1', 'org2'],
      'scoring.leaders.scoring': ['org1', 'org2'],
      'scoring.reps.scoring': ['org1', 'org2'],
    });
    expect(await score(id)).toBe(64);
    expect(await statesOf(d, id)).toEqual(['ranking']);
    await expectReplayMatches(d, id);
  });
});

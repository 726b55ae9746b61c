import { beforeEach, describe, expect, it } from 'vitest';
import * as s from './data/supervision-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, notices, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'supervision-bulletin';
const INSPECTORS = ['insp1', 'insp2', 'insp3'];

describe.each(drivers)('督查通报 supervision-bulletin ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function issued(): Promise<string> {
    const id = await d.start(KEY, 'insp1', s.findings());
    await d.complete(id, 'insp1', 'close', s.moreFindings());
    await d.complete(id, 'insp2', 'submit', s.bulletin());
    await d.complete(id, 'leader3', 'approve', s.approval());
    return id;
  }

  async function rectified(): Promise<string> {
    const id = await issued();
    await d.complete(id, 'head113', 'submit', s.rectification('station-113', 'head113'));
    await d.complete(id, 'sec2', 'submit', s.rectification('branch-2', 'sec2'));
    return id;
  }

  it('given the week, when inspectors record findings, then the recording stays open until the week is complete', async () => {
    const id = await d.start(KEY, 'insp1', s.findings());
    expect(await whoHolds(d, id)).toEqual({ recording: INSPECTORS });
    await d.complete(id, 'insp2', 'add', s.moreFindings());
    expect(await whoHolds(d, id)).toEqual({ recording: INSPECTORS });
    expect(((await d.snapshot(id)).data.findings as unknown[]).length).toBe(2);
    await d.complete(id, 'insp1', 'close', s.moreFindings());
    expect(await whoHolds(d, id)).toEqual({ compiling: INSPECTORS });
  });

  it('given nobody closes the week, when Friday 17:00 passes, then the bulletin is compiled anyway', async () => {
    const id = await d.start(KEY, 'insp1', s.findings());
    expect(await d.advance('P4D')).toEqual([]);
    expect(await d.advance('PT1H')).toEqual([{ caseId: id, kind: 'after', stateId: 'recording' }]);
    expect(await statesOf(d, id)).toEqual(['compiling']);
  });

  it('given the full flow, when the bulletin is issued, rectified and verified, then every team was told and the case closes', async () => {
    const id = await issued();
    const [told] = await notices(d, id, 'message');
    expect(told).toHaveLength(4 + 5 + 16 + 12);
    expect(told).toEqual(expect.arrayContaining(['leader1', 'sec5', 'head116', 'biz2', 'org2']));
    expect(await whoHolds(d, id)).toEqual({ rectification: ['head113', 'sec2'] });
    await d.complete(id, 'head113', 'submit', s.rectification('station-113', 'head113'));
    await d.complete(id, 'sec2', 'submit', s.rectification('branch-2', 'sec2'));
    expect(await whoHolds(d, id)).toEqual({ verification: INSPECTORS });
    await d.complete(id, 'insp3', 'submit', s.verification());
    expect(await statesOf(d, id)).toEqual(['closed']);
    expect((await d.snapshot(id)).data).toMatchObject({
      bulletinNo: 'DCTB-2026-09',
      itemResults: [
        { unit: 'station-113', person: 'head113', result: 'passed' },
        { unit: 'branch-2', person: 'sec2', result: 'passed' },
      ],
    });
    expect(await trail(d, id)).toEqual([
      'insp1 start',
      'insp1 complete close',
      'insp2 complete submit',
      'leader3 complete approve',
      'head113 complete submit',
      'sec2 complete submit',
      'insp3 complete submit',
    ]);
    await expectReplayMatches(d, id);
  });

  describe('serious findings start an accountability investigation', () => {
    it('given a serious finding, when issued, then an investigation starts for the person named', async () => {
      const id = await issued();
      const starts = (await d.effects(id)).filter((e) => e.type === 'startChild');
      expect(starts).toEqual([
        expect.objectContaining({
          process: 'accountability-investigation',
          initiator: 'leader3',
          data: expect.objectContaining({
            source: 'weeklySupervision',
            sourceDetail: '督查通报 DCTB-2026-09',
            unit: 'branch-2',
            personConcerned: 'sec2',
            summary: '督查通报 DCTB-2026-09 严重问题',
          }),
        }),
      ]);
      const [child] = await d.children(id);
      expect(await whoHolds(d, child!)).toEqual({ investigate: INSPECTORS });
      await d.complete(child!, 'insp2', 'dismiss', undefined, { comment: '已在整改中处理' });
      expect((await d.snapshot(id)).children.map((c) => c.status)).toEqual(['completed']);
      expect((await trail(d, id)).at(-1)).toBe('system childDone');
      await expectReplayMatches(d, id);
    });

    it('given one item not rectified, when verified, then an investigation starts for that item only and the bulletin closes', async () => {
      const id = await rectified();
      await d.complete(id, 'insp1', 'submit', s.verification({ head113: 'failed' }));
      expect(await statesOf(d, id)).toEqual(['closed']);
      const children = await d.children(id);
      expect(children).toHaveLength(2);
      expect((await d.snapshot(children[1]!)).data).toMatchObject({
        personConcerned: 'head113',
        summary: '督查通报 DCTB-2026-09 整改验证不合格',
        discoveredOn: '2026-03-14',
      });
      expect((await d.snapshot(children[1]!)).status).toBe('running');
    });
  });

  describe('rectification, item by item', () => {
    it('given the bulletin issued, then each item goes to the person it names, one task each', async () => {
      const id = await issued();
      const tasks = await d.openTasks(id);
      expect(tasks.map((t) => `${t.assignee}:${(t.item as { unit: string }).unit}`).sort()).toEqual([
        'head113:station-113',
        'sec2:branch-2',
      ]);
      const entries = async () =>
        (await d.snapshot(id)).data.rectifications as { by: string; item: { unit: string } }[];
      await d.complete(id, 'head113', 'submit', s.rectification('station-113', 'head113'));
      expect((await entries()).map((e) => `${e.by}:${e.item.unit}`)).toEqual(['head113:station-113']);
    });

    it('given one item partly rectified, when verified, then only that item goes back to its person', async () => {
      const id = await rectified();
      await d.complete(id, 'insp1', 'submit', s.verification({ head113: 'partial' }));
      expect(await whoHolds(d, id)).toEqual({ rectification: ['head113'] });
      expect((await d.snapshot(id)).data.rectificationRound).toBe(2);
      await d.complete(id, 'head113', 'submit', s.rectification('station-113', 'head113'));
      // The second round verifies the one item still open.
      expect(await refusal(d.complete(id, 'insp2', 'submit', s.verification({}, { only: ['sec2'] })))).toBe(
        'not-enabled',
      );
      await d.complete(id, 'insp2', 'submit', s.verification({}, { only: ['head113'] }));
      expect(await statesOf(d, id)).toEqual(['closed']);
      await expectReplayMatches(d, id);
    });

    it('given a person named, when they dispute their item, then only that item is re-examined and the others go on', async () => {
      const id = await issued();
      await d.complete(id, 'sec2', 'submit', s.rectification('branch-2', 'sec2'));
      await d.complete(id, 'head113', 'dispute', undefined, { comment: '灭火器已于周二更换' });
      expect(await whoHolds(d, id)).toEqual({ verification: INSPECTORS });
      expect((await d.snapshot(id)).data.disputed).toBe(true);
      // The dispute is rejected: only head113 rectifies again; sec2's item is done.
      await d.complete(id, 'insp1', 'submit', s.verification({ head113: 'disputeRejected' }));
      expect(await whoHolds(d, id)).toEqual({ rectification: ['head113'] });
      expect(((await d.snapshot(id)).data.openItems as { person: string }[]).map((i) => i.person)).toEqual([
        'head113',
      ]);
      await expectReplayMatches(d, id);
    });

    it('given a dispute upheld, when verified, then the item is withdrawn and the bulletin closes without it', async () => {
      const id = await issued();
      await d.complete(id, 'sec2', 'submit', s.rectification('branch-2', 'sec2'));
      await d.complete(id, 'head113', 'dispute', undefined, { comment: '灭火器已于周二更换' });
      await d.complete(id, 'insp1', 'submit', s.verification({ head113: 'disputeAccepted' }));
      expect(await statesOf(d, id)).toEqual(['closed']);
    });

    it('given the verification, when an open item has no result, then it is refused', async () => {
      const id = await rectified();
      expect(await refusal(d.complete(id, 'insp1', 'submit', s.verification({}, { only: ['sec2'] })))).toBe(
        'not-enabled',
      );
    });

    it('given the bulletin number, when a rectification changes it, then the field is read-only', async () => {
      const id = await issued();
      const data = { ...s.rectification('station-113', 'head113'), bulletinNo: 'DCTB-2026-10' };
      expect(await refusal(d.complete(id, 'head113', 'submit', data))).toBe('invalid-form');
    });

    it('given a person named, when they delegate (委派) their item to an inspector, then the inspector holds it; a worker is out of reach', async () => {
      const id = await issued();
      const [task] = await d.tasksOf('head113', id);
      const worker = d.run(id, 'head113', { type: 'delegate', taskId: task!.id, to: 'w013' });
      expect(await refusal(worker)).toBe('outside-reach');
      await d.run(id, 'head113', { type: 'delegate', taskId: task!.id, to: 'insp2' });
      expect(await whoHolds(d, id)).toEqual({ rectification: ['insp2', 'sec2'] });
    });

    it('given the rectification deadline is near, when a day before it passes, then each person still owing is reminded', async () => {
      const id = await issued();
      await d.complete(id, 'sec2', 'submit', s.rectification('branch-2', 'sec2'));
      const fired = await d.advance('P6D');
      expect(fired.filter((t) => t.caseId === id)).toEqual([
        { caseId: id, kind: 'reminder', stateId: 'rectification' },
      ]);
      expect(await notices(d, id, 'reminder')).toEqual([['head113']]);
    });
  });

  describe('approval operations', () => {
    it('given the bulletin, when the discipline leader returns it (退回), then the group compiles it again', async () => {
      const id = await d.start(KEY, 'insp1', s.findings());
      await d.complete(id, 'insp1', 'close', s.findings());
      await d.complete(id, 'insp2', 'submit', s.bulletin());
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', {
        type: 'return',
        taskId: task!.id,
        target: 'compiling',
        comment: '表述不准确',
      });
      expect(await whoHolds(d, id)).toEqual({ compiling: INSPECTORS });
    });

    it('given the compiled bulletin, when the compiler withdraws (撤回) it, then it is back in compiling', async () => {
      const id = await d.start(KEY, 'insp1', s.findings());
      await d.complete(id, 'insp1', 'close', s.findings());
      await d.complete(id, 'insp2', 'submit', s.bulletin());
      await d.run(id, 'insp2', { type: 'withdraw' });
      expect(await statesOf(d, id)).toEqual(['compiling']);
      expect(await notices(d, id, 'withdrawn')).toEqual([['leader3']]);
    });
  });
});

/**
 * 责任追究 separation of duties (职责分离), as the people in these cases would try it: whoever reported,
 * investigated or proposed a case, or is the person concerned, never decides it, and a case is never
 * stuck on a task only such a person holds.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as a from './data/accountability-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'accountability-investigation';

describe.each(drivers)('责任追究 separation of duties ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function taskIn(id: string, stateId: string): Promise<string> {
    const task = (await d.openTasks(id)).find((t) => t.stateId === stateId);
    if (!task) throw new Error(`no open ${stateId} task`);
    return task.id;
  }

  it('given a minor case reported by the only discipline leader, when proposed, then another district leader decides it', async () => {
    const id = await d.start(KEY, 'leader3', a.report());
    await d.complete(id, 'insp1', 'submit', a.investigation());
    await d.complete(id, 'head101', 'submit', a.statement());
    await d.complete(id, 'insp1', 'submit', a.proposal());
    expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader1', 'leader2', 'leader4'] });
    const approve = {
      type: 'complete' as const,
      taskId: await taskIn(id, 'leaderApproval'),
      outcome: 'approve',
    };
    expect(await refusal(d.run(id, 'leader3', { ...approve, data: a.decision() }))).toBe(
      'separation-of-duties',
    );
    await d.complete(id, 'leader1', 'approve', a.decision());
    expect(await statesOf(d, id)).toEqual(['closed']);
    expect((await trail(d, id)).at(-1)).toBe('leader1 complete approve');
    await expectReplayMatches(d, id);
  });

  it('given an overdue investigation escalated to the discipline leader, when he investigates and proposes, then he cannot approve it and another leader does', async () => {
    const id = await d.start(KEY, 'insp1', a.report());
    await d.advance('P7D');
    await d.advance('P7D');
    expect(await whoHolds(d, id)).toEqual({ investigate: ['leader3'] });
    await d.complete(id, 'leader3', 'submit', a.investigation());
    await d.complete(id, 'head101', 'submit', a.statement());
    expect(await whoHolds(d, id)).toEqual({ proposal: ['leader3'] });
    await d.complete(id, 'leader3', 'submit', a.proposal());
    expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader1', 'leader2', 'leader4'] });
    const approval = await taskIn(id, 'leaderApproval');
    expect(await refusal(d.run(id, 'leader3', { type: 'claim', taskId: approval }))).toBe(
      'separation-of-duties',
    );
    const approve = { type: 'complete' as const, taskId: approval, outcome: 'approve', data: a.decision() };
    expect(await refusal(d.run(id, 'leader3', approve))).toBe('separation-of-duties');
    await d.run(id, 'leader2', { type: 'claim', taskId: approval });
    await d.complete(id, 'leader2', 'approve', a.decision());
    expect(await statesOf(d, id)).toEqual(['closed']);
    await expectReplayMatches(d, id);
  });

  describe('the person concerned holds a decision role (a district leader)', () => {
    /** A serious case about leader2: the district committee decides it. */
    async function atCommittee(): Promise<string> {
      const id = await d.start(KEY, 'insp1', a.report({ personConcerned: 'leader2' }));
      await d.complete(id, 'insp1', 'submit', a.investigation());
      await d.complete(id, 'leader2', 'submit', a.statement());
      await d.complete(id, 'insp1', 'submit', a.proposal({ severity: 'serious' }));
      return id;
    }

    it('given the committee decision opens, then it is offered to the other district leaders only', async () => {
      const id = await atCommittee();
      expect(await whoHolds(d, id)).toEqual({ committee: ['leader1', 'leader3', 'leader4'] });
    });

    it.each([
      ['claims it (locking the others out)', (taskId: string) => ({ type: 'claim' as const, taskId })],
      ['delegates it to a worker', (taskId: string) => ({ type: 'delegate' as const, taskId, to: 'w001' })],
      ['transfers it to a worker', (taskId: string) => ({ type: 'transfer' as const, taskId, to: 'w001' })],
      [
        'copies two outsiders in',
        (taskId: string) => ({ type: 'cc' as const, taskId, users: ['w001', 'w002'] }),
      ],
      [
        'returns it to the proposal',
        (taskId: string) => ({ type: 'return' as const, taskId, target: 'proposal', comment: '重新提出' }),
      ],
    ])(
      'given the person concerned, when he %s, then it is refused: separation-of-duties',
      async (_, command) => {
        const id = await atCommittee();
        const before = await d.snapshot(id);
        expect(await refusal(d.run(id, 'leader2', command(await taskIn(id, 'committee'))))).toBe(
          'separation-of-duties',
        );
        expect(await d.snapshot(id)).toEqual(before);
        expect(await d.visibility(id, 'w001')).toBeUndefined();
      },
    );

    it('given another member has a ballot, when she copies it to the person concerned, then it is refused; the other members pass it 2 of 3', async () => {
      const id = await atCommittee();
      const [ballot] = await d.tasksOf('leader1', id);
      expect(
        await refusal(d.run(id, 'leader1', { type: 'cc', taskId: ballot!.id, users: ['leader2'] })),
      ).toBe('separation-of-duties');
      expect((await d.snapshot(id)).votes.committee?.state.signers).toEqual([
        'leader1',
        'leader3',
        'leader4',
      ]);
      await d.complete(id, 'leader1', 'approve', a.vote());
      await d.complete(id, 'leader4', 'approve', a.vote());
      expect(await statesOf(d, id)).toEqual(['closed']);
      await expectReplayMatches(d, id);
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import * as re from './data/reassignment-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, notices, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'branch-secretary-reassignment';
const OPINIONS = {
  'opinions.committee.collecting': ['com2a', 'com2b'],
  'opinions.reps.collecting': ['rep3', 'rep4'],
};

describe.each(drivers)('支部书记岗位调整 branch-secretary-reassignment ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function allAnswer(id: string): Promise<void> {
    await d.complete(id, 'com2a', 'submit', re.opinion('branchCommitteeMember'));
    await d.complete(id, 'com2b', 'submit', re.opinion('branchCommitteeMember', { stance: 'abstain' }));
    await d.complete(id, 'rep3', 'submit', re.opinion('workerRep'));
    await d.complete(id, 'rep4', 'submit', re.opinion('workerRep', { suggestedSuccessor: 'head106' }));
  }

  async function atDecision(): Promise<string> {
    const id = await d.start(KEY, 'leader2', re.proposal());
    await allAnswer(id);
    await d.complete(id, 'org1', 'submit', re.review());
    return id;
  }

  it('given the leader contracting the branch, when they propose, then committee members and worker reps are asked in parallel', async () => {
    const id = await d.start(KEY, 'leader2', re.proposal());
    expect(await whoHolds(d, id)).toEqual(OPINIONS);
    expect(await statesOf(d, id)).toEqual(['opinions.committee.collecting', 'opinions.reps.collecting']);
  });

  it('given a leader who does not contract the branch, when they propose, then it is not permitted', async () => {
    expect(await refusal(d.start(KEY, 'leader1', re.proposal()))).toBe('not-permitted');
  });

  it('given a metering station instead of a branch, when the leader proposes, then the start is refused on the branch field', async () => {
    const error = await d.start(KEY, 'leader2', re.proposal({ branch: 'station-105' })).catch((e) => e);
    expect(error.code).toBe('invalid-reference');
    expect(error.details.errors.map((e: { path: string }) => e.path)).toEqual(['/branch']);
  });

  it('given a successor who does not exist, when the organisation department names them, then it is refused on the successor field and nothing changes', async () => {
    const id = await d.start(KEY, 'leader2', re.proposal());
    await allAnswer(id);
    const error = await d.complete(id, 'org1', 'submit', re.review({ successor: 'nobody9' })).catch((e) => e);
    expect(error.code).toBe('invalid-reference');
    expect(error.details.errors.map((e: { path: string }) => e.path)).toEqual(['/successor']);
    expect(await statesOf(d, id)).toEqual(['organisationReview']);
    expect(await d.holders('branchSecretary', 'branch-2')).toEqual(['sec2']);
  });

  it('given the full flow, when the committee approves, then the successor becomes the branch secretary and the leader holds the talk', async () => {
    const id = await d.start(KEY, 'leader2', re.proposal());
    await allAnswer(id);
    expect(await whoHolds(d, id)).toEqual({ organisationReview: ['org1', 'org2'] });
    await d.complete(id, 'org1', 'submit', re.review());
    // The proposing leader (the initiator) is kept off the committee vote (separation of duties).
    expect(await whoHolds(d, id)).toEqual({ committeeDecision: ['leader1', 'leader3', 'leader4'] });
    await d.complete(id, 'leader1', 'approve', re.vote());
    expect(await d.holders('branchSecretary', 'branch-2')).toEqual(['sec2']);
    await d.complete(id, 'leader4', 'approve', re.vote({ opinion: '同意。' }));
    // 2 of 3 members for: a majority with the 2/3 quorum met; the third member's ballot is closed.
    expect(await d.holders('branchSecretary', 'branch-2')).toEqual(['head105']);
    expect(await d.effects(id)).toContainEqual({
      type: 'directoryChange',
      kind: 'setRoleHolder',
      role: 'branchSecretary',
      unit: 'branch-2',
      user: 'head105',
    });
    expect(await notices(d, id, 'message')).toEqual([['com2a', 'com2b', 'head105', 'sec2']]);
    expect(await whoHolds(d, id)).toEqual({ talk: ['leader2'] });
    await d.complete(id, 'leader2', 'done', re.talk());
    expect(await statesOf(d, id)).toEqual(['completed']);
    const data = (await d.snapshot(id)).data;
    expect(data).toMatchObject({ successor: 'head105', attitude: 'accepts' });
    expect(data.stance).toBeUndefined();
    expect(
      (data.opinionsReceived as { by: string; stance: string; outcome: string }[]).map((o) => [
        o.by,
        o.stance,
        o.outcome,
      ]),
    ).toEqual([
      ['com2a', 'agree', 'submit'],
      ['com2b', 'abstain', 'submit'],
      ['rep3', 'agree', 'submit'],
      ['rep4', 'agree', 'submit'],
    ]);
    expect(await trail(d, id)).toEqual([
      'leader2 start',
      'com2a complete submit',
      'com2b complete submit',
      'rep3 complete submit',
      'rep4 complete submit',
      'org1 complete submit',
      'leader1 complete approve',
      'leader4 complete approve',
      'leader2 complete done',
    ]);
    await expectReplayMatches(d, id);
  });

  describe('deadlines of the opinions', () => {
    it('given the reps do not answer, when reminded and the deadline passes, then the case moves on and that is recorded', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      await d.complete(id, 'com2a', 'submit', re.opinion('branchCommitteeMember'));
      await d.complete(id, 'com2b', 'submit', re.opinion('branchCommitteeMember'));
      await d.complete(id, 'rep3', 'submit', re.opinion('workerRep'));
      expect(await d.advance('P4D')).toEqual([
        { caseId: id, kind: 'reminder', stateId: 'opinions.reps.collecting' },
      ]);
      expect(await notices(d, id, 'reminder')).toEqual([['rep4']]);
      expect(await d.advance('P1D')).toEqual([
        { caseId: id, kind: 'after', stateId: 'opinions.reps.collecting' },
      ]);
      expect(await whoHolds(d, id)).toEqual({ organisationReview: ['org1', 'org2'] });
      expect((await d.snapshot(id)).data.repsDeadlinePassed).toBe(true);
      expect((await d.snapshot(id)).data.committeeDeadlinePassed).toBeUndefined();
      await expectReplayMatches(d, id);
    });

    it('given nobody answers, when the deadline passes, then both tiers close at once', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      const fired = await d.advance('P5D');
      expect(fired.filter((t) => t.kind === 'after').map((t) => t.stateId)).toEqual([
        'opinions.committee.collecting',
        'opinions.reps.collecting',
      ]);
      expect((await d.snapshot(id)).data).toMatchObject({
        committeeDeadlinePassed: true,
        repsDeadlinePassed: true,
      });
      expect(await statesOf(d, id)).toEqual(['organisationReview']);
    });
  });

  describe('disputed facts and returns', () => {
    it('given a member disputes the facts, when sent back, then the leader revises and opinions are asked again', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      await d.complete(id, 'rep3', 'submit', re.opinion('workerRep'));
      await d.complete(id, 'com2a', 'factsDisputed', undefined, { comment: '所列纪律松弛情况不属实' });
      expect(await whoHolds(d, id)).toEqual({ revise: ['leader2'] });
      expect(await refusal(d.complete(id, 'leader2', 'resubmit', re.proposal({ secretary: 'sec3' })))).toBe(
        'invalid-form',
      );
      const { branch: _b, secretary: _s, ...revised } = re.proposal({ problems: ['slow'] });
      await d.complete(id, 'leader2', 'resubmit', revised);
      expect(await whoHolds(d, id)).toEqual(OPINIONS);
      expect((await d.snapshot(id)).data).toMatchObject({ opinionRounds: 2, problems: ['slow'] });
      await expectReplayMatches(d, id);
    });

    it('given the revision, when the leader abandons the proposal, then the case ends withdrawn', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      await d.complete(id, 'com2b', 'factsDisputed', undefined, { comment: '情况不实' });
      await d.complete(id, 'leader2', 'abandon', undefined, { comment: '经核实不需调整' });
      expect(await statesOf(d, id)).toEqual(['abandoned']);
    });

    it('given the organisation review, when it returns the case (退回) to the leader, then the leader revises', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      await allAnswer(id);
      const [task] = await d.tasksOf('org2', id);
      await d.run(id, 'org2', {
        type: 'return',
        taskId: task!.id,
        target: 'revise',
        comment: '请补充走访记录',
      });
      expect(await whoHolds(d, id)).toEqual({ revise: ['leader2'] });
    });

    it('given the committee, when two of the three members vote against, then not passed and the secretary stays', async () => {
      const id = await atDecision();
      await d.complete(id, 'leader3', 'reject', undefined, { comment: '继续观察' });
      expect(await statesOf(d, id)).toEqual(['committeeDecision']);
      await d.complete(id, 'leader4', 'reject', undefined, { comment: '再给一次整改机会' });
      expect(await statesOf(d, id)).toEqual(['rejected']);
      expect(await d.holders('branchSecretary', 'branch-2')).toEqual(['sec2']);
      await expectReplayMatches(d, id);
    });

    it('given the committee, when the members split one for, one against, then the third vote decides; each opinion is kept with its member', async () => {
      const id = await atDecision();
      await d.complete(id, 'leader1', 'approve', re.vote());
      await d.complete(id, 'leader3', 'reject', undefined, { comment: '继任人选经验不足' });
      expect(await statesOf(d, id)).toEqual(['committeeDecision']);
      expect(await whoHolds(d, id)).toEqual({ committeeDecision: ['leader4'] });
      await d.complete(id, 'leader4', 'approve', re.vote({ opinion: '同意，加强传帮带。' }));
      expect(await statesOf(d, id)).toEqual(['talk']);
      const votes = (await d.snapshot(id)).data.committeeVotes as Record<string, string>[];
      expect(votes.map((v) => [v.by, v.outcome, v.opinion ?? v.comment])).toEqual([
        ['leader1', 'approve', '同意调整，同意组织提名的继任人选。'],
        ['leader3', 'reject', '继任人选经验不足'],
        ['leader4', 'approve', '同意，加强传帮带。'],
      ]);
      await expectReplayMatches(d, id);
    });

    it('given the proposing leader and the secretary, when either votes, then separation-of-duties', async () => {
      const id = await atDecision();
      const [task] = await d.openTasks(id);
      const asLeader = d.run(id, 'leader2', {
        type: 'complete',
        taskId: task!.id,
        outcome: 'approve',
        data: re.vote(),
      });
      expect(await refusal(asLeader)).toBe('separation-of-duties');
      expect(await d.tasksOf('leader2', id)).toEqual([]);
      const asSecretary = d.run(id, 'sec2', {
        type: 'complete',
        taskId: task!.id,
        outcome: 'reject',
        comment: '不同意',
      });
      expect(await refusal(asSecretary)).toBe('separation-of-duties');
      expect((await d.snapshot(id)).votes.committeeDecision?.state.signers).toEqual([
        'leader1',
        'leader3',
        'leader4',
      ]);
    });

    it('given a ballot, when a member tries to return the case alone (退回), then it is not enabled: the committee decides by vote', async () => {
      const id = await atDecision();
      const [task] = await d.tasksOf('leader4', id);
      const alone = d.run(id, 'leader4', {
        type: 'return',
        taskId: task!.id,
        target: 'revise',
        comment: '请补充',
      });
      expect(await refusal(alone)).toBe('not-enabled');
    });

    it('given the secretary named as their own successor, when the committee passes it, then the case goes back to the organisation review', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      await allAnswer(id);
      await d.complete(id, 'org1', 'submit', re.review({ successor: 'sec2' }));
      await d.complete(id, 'leader1', 'approve', re.vote());
      await d.complete(id, 'leader3', 'approve', re.vote());
      expect(await whoHolds(d, id)).toEqual({ organisationReview: ['org1', 'org2'] });
      expect(await d.holders('branchSecretary', 'branch-2')).toEqual(['sec2']);
    });
  });

  describe('operations', () => {
    it('given a rep, when they add a rep of another branch (加签), then the new signer must answer too; a worker is out of reach', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      const [task] = await d.tasksOf('rep3', id);
      expect(await refusal(d.run(id, 'rep3', { type: 'addSigner', taskId: task!.id, users: ['w005'] }))).toBe(
        'outside-reach',
      );
      await d.run(id, 'rep3', { type: 'addSigner', taskId: task!.id, users: ['rep5'] });
      expect((await whoHolds(d, id))['opinions.reps.collecting']).toEqual(['rep3', 'rep4', 'rep5']);
      await d.complete(id, 'rep3', 'submit', re.opinion('workerRep'));
      await d.complete(id, 'rep4', 'submit', re.opinion('workerRep'));
      expect(await statesOf(d, id)).toContain('opinions.reps.collecting');
      await d.complete(id, 'rep5', 'submit', re.opinion('workerRep'));
      expect(await statesOf(d, id)).toContain('opinions.reps.done');
    });

    it('given a member who must recuse, when the administrator removes them (减签), then the others decide alone; a peer may not', async () => {
      const id = await d.start(KEY, 'leader2', re.proposal());
      const [task] = await d.tasksOf('com2a', id);
      const peer = d.run(id, 'com2a', { type: 'removeSigner', taskId: task!.id, users: ['com2b'] });
      expect(await refusal(peer)).toBe('not-permitted');
      await d.run(id, 'admin', { type: 'removeSigner', taskId: task!.id, users: ['com2b'] });
      await d.complete(id, 'com2a', 'submit', re.opinion('branchCommitteeMember'));
      expect(await statesOf(d, id)).toContain('opinions.committee.done');
      await expectReplayMatches(d, id);
    });

    it('given the organisation review just submitted, when withdrawn (撤回), then it is open again', async () => {
      const id = await atDecision();
      await d.run(id, 'org1', { type: 'withdraw' });
      expect(await whoHolds(d, id)).toEqual({ organisationReview: ['org1', 'org2'] });
      expect(await refusal(d.run(id, 'org2', { type: 'withdraw' }))).toBe('not-enabled');
    });

    it('given the talk, when delegated (委派), then the delegate records it and the leader confirms', async () => {
      const id = await atDecision();
      await d.complete(id, 'leader1', 'approve', re.vote());
      await d.complete(id, 'leader3', 'approve', re.vote());
      const [task] = await d.tasksOf('leader2', id);
      await d.run(id, 'leader2', { type: 'delegate', taskId: task!.id, to: 'org1' });
      await d.complete(id, 'org1', 'done', re.talk());
      await d.complete(id, 'leader2', 'done', re.talk({ location: '区党总支办公室' }));
      expect(await statesOf(d, id)).toEqual(['completed']);
      await expectReplayMatches(d, id);
    });
  });
});

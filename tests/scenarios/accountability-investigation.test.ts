import { beforeEach, describe, expect, it } from 'vitest';
import * as a from './data/accountability-data';
import * as talk from './data/admonition-data';
import * as re from './data/reassignment-data';
import { drivers } from './drivers';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, notices, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'accountability-investigation';

describe.each(drivers)('责任追究 accountability-investigation ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  /** Reported, investigated by insp1 and the statement given; the proposal waits for insp1. */
  async function atProposal(report = a.report(), investigation = a.investigation()): Promise<string> {
    const id = await d.start(KEY, 'insp1', report);
    await d.complete(id, 'insp1', 'submit', investigation);
    await d.complete(id, report.personConcerned as string, 'submit', a.statement());
    return id;
  }

  describe('start', () => {
    it('given an inspector, when a case is reported, then every inspector is offered the investigation', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      expect(await whoHolds(d, id)).toEqual({ investigate: ['insp1', 'insp2', 'insp3'] });
      expect((await d.snapshot(id)).caseUnit).toBe('station-101');
    });

    it('given a worker, when they try to report a case, then it is not permitted', async () => {
      expect(await refusal(d.start(KEY, 'w001', a.report()))).toBe('not-permitted');
    });
  });

  describe('happy path: a minor case approved by the discipline leader', () => {
    it('given the full flow, then each step reaches the right person and the decision is announced', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      await d.complete(id, 'insp1', 'submit', a.investigation());
      expect(await whoHolds(d, id)).toEqual({ statement: ['head101'] });
      await d.complete(id, 'head101', 'submit', a.statement());
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp1'] });
      await d.complete(id, 'insp1', 'submit', a.proposal());
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader3'] });
      await d.complete(id, 'leader3', 'approve', a.decision());

      const snap = await d.snapshot(id);
      expect(snap.status).toBe('completed');
      expect(await statesOf(d, id)).toEqual(['closed']);
      expect(snap.data).toMatchObject({
        statementStatus: 'received',
        approvalLevel: 'disciplineLeader',
        handling: 'publicCriticism',
        opinion: '同意小组处理意见。',
      });
      // Only people who may open the case are told (the branch secretary may not: confidential).
      expect(await notices(d, id, 'message')).toEqual([['head101']]);
      expect(await d.visibility(id, 'sec1')).toBeUndefined();
      expect(await trail(d, id)).toEqual([
        'insp1 start',
        'insp1 complete submit',
        'head101 complete submit',
        'insp1 complete submit',
        'leader3 complete approve',
      ]);
      await expectReplayMatches(d, id);
    });
  });

  describe('rejections and returns', () => {
    it('given an unfounded report, when the inspector dismisses it with a comment, then the case ends dismissed', async () => {
      const id = await d.start(KEY, 'insp2', a.report());
      await d.complete(id, 'insp2', 'dismiss', undefined, { comment: '经核实不存在漏填' });
      expect(await statesOf(d, id)).toEqual(['dismissed']);
      expect(await trail(d, id)).toEqual(['insp2 start', 'insp2 complete dismiss']);
      await expectReplayMatches(d, id);
    });

    it('given the discipline leader disagrees, when rejecting, then the case ends not pursued', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal());
      await d.complete(id, 'leader3', 'reject', undefined, { comment: '情节显著轻微' });
      expect(await statesOf(d, id)).toEqual(['notPursued']);
      await expectReplayMatches(d, id);
    });

    it('given the proposal, when the leader returns it (退回), then the proposal reopens for the investigator', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal());
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', {
        type: 'return',
        taskId: task!.id,
        target: 'proposal',
        comment: '处理依据不充分',
      });
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp1'] });
      expect(await notices(d, id, 'returned')).toEqual([['insp1']]);
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ regulationBasis: '《四区工作失误责任追究办法》第五条' }),
      );
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader3'] });
      await expectReplayMatches(d, id);
    });

    it('given the proposal, when the leader returns it to the investigation, then every inspector may investigate again', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal());
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', {
        type: 'return',
        taskId: task!.id,
        target: 'investigate',
        comment: '补充证据',
      });
      expect(await whoHolds(d, id)).toEqual({ investigate: ['insp1', 'insp2', 'insp3'] });
    });

    it('given the discipline leader, when changing the proposed handling, then the field is read-only', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal());
      const code = await refusal(
        d.complete(id, 'leader3', 'approve', a.decision({ handling: 'noAccountability' })),
      );
      expect(code).toBe('invalid-form');
    });
  });

  describe('escalation by rule (区委会)', () => {
    it.each([
      ['a serious case', { severity: 'serious' }],
      ['a post adjustment', { handling: 'postAdjustment', postAdjustmentDetail: '调离站长岗位' }],
      ['a fine above 500 yuan', { handling: 'fine', fineAmount: 500.01 }],
    ])(
      'given %s, when proposed, then every district leader has a ballot of the committee vote',
      async (_, change) => {
        const id = await atProposal();
        await d.complete(id, 'insp1', 'submit', a.proposal(change));
        expect(await whoHolds(d, id)).toEqual({ committee: ['leader1', 'leader2', 'leader3', 'leader4'] });
        expect((await d.snapshot(id)).data.approvalLevel).toBe('districtCommittee');
      },
    );

    it('given a fine of exactly 500 yuan, when proposed, then the discipline leader approves it', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal({ handling: 'fine', fineAmount: 500 }));
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader3'] });
    });

    it('given the committee vote, when a member CCs an inspector (the organisation group is out of reach), then three of four members for pass the proposal as it stands', async () => {
      const id = await atProposal();
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ severity: 'serious', handling: 'fine', fineAmount: 2000 }),
      );
      const [task] = await d.tasksOf('leader2', id);
      const outsider = d.run(id, 'leader2', { type: 'cc', taskId: task!.id, users: ['org1'] });
      expect(await refusal(outsider)).toBe('outside-reach');
      await d.run(id, 'leader2', { type: 'cc', taskId: task!.id, users: ['insp2'] });
      await d.complete(id, 'leader2', 'approve', a.vote());
      await d.complete(id, 'leader1', 'approve', a.vote());
      // Two of four is half, not a majority: the vote is still open.
      expect(await whoHolds(d, id)).toEqual({ committee: ['leader3', 'leader4'] });
      await d.complete(id, 'leader4', 'approve', a.vote({ opinion: '同意，罚款2000元。' }));
      expect((await d.snapshot(id)).data).toMatchObject({ fineAmount: 2000, handling: 'fine' });
      expect(await statesOf(d, id)).toEqual(['closed']);
      expect(await d.visibility(id, 'insp2')).toBe('participant');
      expect(await d.visibility(id, 'org1')).toBeUndefined();
      await expectReplayMatches(d, id);
    });
  });

  describe('the district committee', () => {
    async function atCommittee(): Promise<string> {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal({ severity: 'serious' }));
      return id;
    }

    it('given a serious case, when two of the four members vote against, then it is not passed and goes back to the group', async () => {
      const id = await atCommittee();
      await d.complete(id, 'leader1', 'reject', undefined, { comment: '证据不足' });
      expect(await statesOf(d, id)).toEqual(['committee']);
      await d.complete(id, 'leader3', 'reject', undefined, { comment: '处理偏重' });
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp1'] });
      await expectReplayMatches(d, id);
    });

    it('given a serious case, when the members split two to two, then the tie is not passed, recorded as such, and each opinion is kept', async () => {
      const id = await atCommittee();
      await d.complete(id, 'leader1', 'approve', a.vote());
      await d.complete(id, 'leader2', 'reject', undefined, { comment: '处理偏轻' });
      await d.complete(id, 'leader3', 'approve', a.vote());
      expect(await statesOf(d, id)).toEqual(['committee']);
      await d.complete(id, 'leader4', 'reject', undefined, { comment: '建议诫勉谈话' });
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp1'] });
      const events = (await d.audit(id)).flatMap(
        (entry) => (entry.detail as { events?: Record<string, unknown>[] })?.events ?? [],
      );
      expect(events.find((e) => 'voteDecided' in e)).toMatchObject({
        voteDecided: 'committee',
        result: 'rejected',
        tie: true,
        votes: { approve: 2, reject: 2, pending: 0, total: 4 },
      });
      // Once before the committee, a new proposal (even a milder one) goes back to the committee.
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ handling: 'admonitionTalk', proposedTalker: 'leader4' }),
      );
      expect(await whoHolds(d, id)).toEqual({ committee: ['leader1', 'leader2', 'leader3', 'leader4'] });
      const votes = (await d.snapshot(id)).data.committeeVotes as Record<string, string>[];
      expect(votes.map((v) => [v.by, v.outcome, v.opinion ?? v.comment])).toEqual([
        ['leader1', 'approve', '同意纪律督查小组的处理建议。'],
        ['leader2', 'reject', '处理偏轻'],
        ['leader3', 'approve', '同意纪律督查小组的处理建议。'],
        ['leader4', 'reject', '建议诫勉谈话'],
      ]);
      await expectReplayMatches(d, id);
    });

    it('given a member, when he returns the case alone (退回), then it is not enabled: the committee decides by vote', async () => {
      const id = await atCommittee();
      const [task] = await d.tasksOf('leader2', id);
      const alone = d.run(id, 'leader2', {
        type: 'return',
        taskId: task!.id,
        target: 'proposal',
        comment: '处理偏轻',
      });
      expect(await refusal(alone)).toBe('not-enabled');
    });

    it('given the group proposes a talk with a talker, when the committee passes it, then the talk starts as a child with that talker', async () => {
      const id = await atProposal();
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ severity: 'serious', handling: 'admonitionTalk', proposedTalker: 'leader4' }),
      );
      for (const leader of ['leader1', 'leader2', 'leader3'])
        await d.complete(id, leader, 'approve', a.vote());
      expect(await statesOf(d, id)).toEqual(['admonition']);
      const [child] = await d.children(id);
      expect(await whoHolds(d, child!)).toEqual({ schedule: ['leader4'] });
    });

    it('given an approval waiting, when four of the five days pass, then the approvers are reminded', async () => {
      const id = await atCommittee();
      const reminder = { caseId: id, kind: 'reminder', stateId: 'committee' };
      expect(await d.advance('P4D')).toEqual([reminder, reminder, reminder, reminder]);
      expect((await notices(d, id, 'reminder')).sort()).toEqual([
        ['leader1'],
        ['leader2'],
        ['leader3'],
        ['leader4'],
      ]);
    });
  });

  describe('the written statement', () => {
    it('given no statement, when the deadline passes, then the case goes on and the overdue statement is recorded', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      await d.complete(id, 'insp1', 'submit', a.investigation());
      expect(await d.advance('P2D')).toEqual([{ caseId: id, kind: 'reminder', stateId: 'statement' }]);
      expect(await notices(d, id, 'reminder')).toEqual([['head101']]);
      expect(await d.advance('P1D')).toEqual([{ caseId: id, kind: 'escalation', stateId: 'statement' }]);
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp1'] });
      expect((await d.snapshot(id)).data.statementStatus).toBe('overdue');
      expect((await trail(d, id)).at(-1)).toBe('system timerFired');
      // Never a performer, the person concerned still reads the case to which the decision is sent.
      expect(await d.visibility(id, 'head101')).toBe('designated');
      await expectReplayMatches(d, id);
    });

    it('given the person concerned, when they try to declare their own statement overdue, then it is refused', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      await d.complete(id, 'insp1', 'submit', a.investigation());
      expect(await refusal(d.complete(id, 'head101', 'overdue'))).toBe('not-enabled');
    });

    it('given the person concerned, when they waive the statement, then that is recorded', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      await d.complete(id, 'insp1', 'submit', a.investigation());
      await d.complete(id, 'head101', 'waive', undefined, { comment: '无异议，不再说明' });
      expect((await d.snapshot(id)).data.statementStatus).toBe('waived');
    });
  });

  describe('the investigation deadline', () => {
    it('given nobody investigates, when time passes, then remind before and at the deadline, then the discipline leader takes over', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      expect((await d.openTasks(id))[0]!.dueAt).toBe('2026-03-09T08:00:00.000Z');
      expect((await d.advance('P6D')).map((t) => t.kind)).toEqual(['reminder']);
      expect((await d.advance('P1D')).map((t) => t.kind)).toEqual(['escalation']);
      expect(await whoHolds(d, id)).toEqual({ investigate: ['insp1', 'insp2', 'insp3'] });
      expect((await d.advance('P7D')).map((t) => t.kind)).toEqual(['escalation']);
      expect(await whoHolds(d, id)).toEqual({ investigate: ['leader3'] });
      expect(await notices(d, id, 'escalated')).toEqual([['leader3']]);
      await expectReplayMatches(d, id);
    });
  });

  describe('operations', () => {
    it('given the investigation, when claimed and transferred (转办), then the new holder investigates and proposes', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      const [task] = await d.tasksOf('insp1', id);
      await d.run(id, 'insp1', { type: 'claim', taskId: task!.id });
      expect(await d.tasksOf('insp3', id)).toEqual([]);
      await d.run(id, 'insp1', {
        type: 'transfer',
        taskId: task!.id,
        to: 'insp3',
        comment: '请吕长江同志外出，由夏守业办理',
      });
      await d.complete(id, 'insp3', 'submit', a.investigation());
      await d.complete(id, 'head101', 'submit', a.statement());
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp3'] });
    });

    it('given the approval, when delegated (委派), then the delegate drafts and the leader decides', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal());
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', { type: 'delegate', taskId: task!.id, to: 'insp2' });
      await d.complete(id, 'insp2', 'approve', a.decision({ opinion: '建议同意。' }));
      expect(await whoHolds(d, id)).toEqual({ leaderApproval: ['leader3'] });
      await d.complete(id, 'leader3', 'approve', a.decision());
      expect(await statesOf(d, id)).toEqual(['closed']);
      await expectReplayMatches(d, id);
    });

    it('given the proposal just submitted, when the inspector withdraws (撤回), then it is back; once the leader acted, not', async () => {
      const id = await atProposal();
      await d.complete(id, 'insp1', 'submit', a.proposal());
      await d.run(id, 'insp1', { type: 'withdraw' });
      expect(await whoHolds(d, id)).toEqual({ proposal: ['insp1'] });
      expect(await notices(d, id, 'withdrawn')).toEqual([['leader3']]);
      await d.complete(id, 'insp1', 'submit', a.proposal());
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', { type: 'return', taskId: task!.id, target: 'proposal', comment: '请补充' });
      expect(await refusal(d.run(id, 'insp1', { type: 'withdraw' }))).toBe('not-enabled');
      await expectReplayMatches(d, id);
    });
  });

  describe('child processes', () => {
    it('given an approved admonition talk, when approved, then the talk starts as a child naming this case and how it ended closes the case', async () => {
      const id = await atProposal();
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ handling: 'admonitionTalk', proposedTalker: 'leader1' }),
      );
      await d.complete(id, 'leader3', 'approve', a.decision({ talker: 'leader1' }));
      expect(await statesOf(d, id)).toEqual(['admonition']);
      const start = (await d.effects(id)).find((e) => e.type === 'startChild');
      expect(start).toMatchObject({
        process: 'admonition-talk',
        initiator: 'leader3',
        data: {
          cadre: 'head101',
          unit: 'station-101',
          reason: 'accountability',
          reasonDetail: '责任追究：夜班巡井记录漏填三次',
          talker: 'leader1',
          sourceCaseRef: id,
        },
      });
      const [child] = await d.children(id);
      expect(await whoHolds(d, child!)).toEqual({ schedule: ['leader1'] });
      await d.complete(child!, 'leader1', 'scheduled', talk.schedule());
      await d.complete(child!, 'leader1', 'recorded', talk.record({ rectificationDeadline: '2026-03-20' }));
      await d.complete(child!, 'head101', 'submit', talk.plan());
      await d.advance('P18D');
      await d.complete(child!, 'leader1', 'submit', talk.review());
      expect((await d.snapshot(child!)).status).toBe('completed');
      expect(await statesOf(d, id)).toEqual(['closed']);
      // How the talk ended, not only that it did: its final state, named on the parent's child record.
      expect((await d.snapshot(id)).data.childOutcome).toBe('closed');
      expect((await d.snapshot(id)).children).toMatchObject([
        {
          status: 'completed',
          outcome: 'completed',
          endState: 'closed',
          endStateName: { 'zh-CN': '整改到位，结束' },
        },
      ]);
      expect((await trail(d, id)).at(-1)).toBe('system childDone');
      await expectReplayMatches(d, id);
      await expectReplayMatches(d, child!);
    });

    it('given a branch secretary whose post is adjusted, when the committee approves, then a reassignment starts', async () => {
      const id = await atProposal(
        a.report({ unit: 'branch-1', personConcerned: 'sec1', summary: '支部纪律松弛' }),
        a.investigation({ severity: 'serious' }),
      );
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({
          severity: 'serious',
          handling: 'postAdjustment',
          postAdjustmentDetail: '调整支部书记岗位',
          startReassignment: true,
        }),
      );
      for (const leader of ['leader1', 'leader2', 'leader3'])
        await d.complete(id, leader, 'approve', a.vote());
      expect(await statesOf(d, id)).toEqual(['reassignment']);
      const [child] = await d.children(id);
      expect((await d.snapshot(child!)).data).toMatchObject({
        branch: 'branch-1',
        secretary: 'sec1',
        proposedAction: 'transfer',
      });
      expect(await whoHolds(d, child!)).toEqual({
        'opinions.committee.collecting': ['com1a', 'com1b'],
        'opinions.reps.collecting': ['rep1', 'rep2'],
      });
      for (const [user, capacity] of [
        ['com1a', 'branchCommitteeMember'],
        ['com1b', 'branchCommitteeMember'],
        ['rep1', 'workerRep'],
        ['rep2', 'workerRep'],
      ] as const) {
        await d.complete(child!, user, 'submit', re.opinion(capacity));
      }
      await d.complete(child!, 'org1', 'submit', re.review({ successor: 'head101' }));
      // The child was started by the member whose ballot passed the parent's vote: he is its initiator.
      expect(await whoHolds(d, child!)).toEqual({ committeeDecision: ['leader1', 'leader2', 'leader4'] });
      await d.complete(child!, 'leader2', 'reject', undefined, { comment: '暂不调整' });
      await d.complete(child!, 'leader4', 'reject', undefined, { comment: '暂不调整' });
      expect(await statesOf(d, id)).toEqual(['closed']);
      expect(await d.holders('branchSecretary', 'branch-1')).toEqual(['sec1']);
      await expectReplayMatches(d, id);
    });

    it('given a station head whose post is adjusted, when the committee approves, then the branch secretary adjusts the station and no branch-secretary reassignment starts', async () => {
      const id = await atProposal(
        a.report({ unit: 'station-101', personConcerned: 'head101', summary: '站内资料多次漏记' }),
        a.investigation({ severity: 'serious' }),
      );
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({
          severity: 'serious',
          handling: 'postAdjustment',
          postAdjustmentDetail: '调整站长岗位',
          startReassignment: true,
        }),
      );
      for (const leader of ['leader1', 'leader2', 'leader3'])
        await d.complete(id, leader, 'approve', a.vote());
      expect(await statesOf(d, id)).toEqual(['stationAdjustment']);
      expect(await d.children(id)).toEqual([]);
      expect(await whoHolds(d, id)).toEqual({ stationAdjustment: ['sec1'] });
      const adjustment = { adjustedOn: '2026-03-10', adjustmentNote: '由职工代表接任站长。' };
      const unknown = await d
        .complete(id, 'sec1', 'done', { ...adjustment, newStationHead: 'nobody9' })
        .catch((e) => e);
      expect(unknown.code).toBe('invalid-reference');
      expect(unknown.details.errors.map((e: { path: string }) => e.path)).toEqual(['/newStationHead']);
      await d.complete(id, 'sec1', 'done', { ...adjustment, newStationHead: 'w001' });
      expect(await statesOf(d, id)).toEqual(['closed']);
      expect(await d.holders('stationHead', 'station-101')).toEqual(['w001']);
      expect(await d.holders('branchSecretary', 'station-101')).toEqual([]);
      await expectReplayMatches(d, id);
    });

    it('given the talk is cancelled by an administrator, when it ends, then the case closes recording that', async () => {
      const id = await atProposal();
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ handling: 'admonitionTalk', proposedTalker: 'leader2' }),
      );
      await d.complete(id, 'leader3', 'approve', a.decision({ talker: 'leader2' }));
      const [child] = await d.children(id);
      await d.run(child!, 'admin', { type: 'cancel', reason: '当事人已调离' });
      expect(await statesOf(d, id)).toEqual(['closed']);
      expect((await d.snapshot(id)).data.childOutcome).toBe('cancelled');
      await expectReplayMatches(d, id);
    });

    it('given a post adjustment without the reassignment procedure, when approved, then the case simply closes', async () => {
      const id = await atProposal();
      await d.complete(
        id,
        'insp1',
        'submit',
        a.proposal({ handling: 'postAdjustment', postAdjustmentDetail: '调整为副站长' }),
      );
      for (const leader of ['leader4', 'leader2', 'leader1'])
        await d.complete(id, leader, 'approve', a.vote());
      expect(await statesOf(d, id)).toEqual(['closed']);
      expect(await d.children(id)).toEqual([]);
    });
  });

  describe('confidentiality', () => {
    it('given a confidential case, then participants, the discipline group and district leaders see it, nobody else', async () => {
      const id = await d.start(KEY, 'insp1', a.report());
      expect(await d.visibility(id, 'insp1')).toBe('participant');
      expect(await d.visibility(id, 'insp2')).toBe('candidate');
      expect(await d.visibility(id, 'head101')).toBeUndefined();
      await d.complete(id, 'insp1', 'submit', a.investigation());
      expect(await d.visibility(id, 'head101')).toBe('participant');
      expect(await d.visibility(id, 'insp2')).toBe('designated');
      await d.complete(id, 'head101', 'submit', a.statement());
      expect(await d.visibility(id, 'head101')).toBe('participant');
      expect(await d.visibility(id, 'leader4')).toBe('designated');
      for (const outsider of ['admin', 'sec1', 'w001', 'org1', 'biz1']) {
        expect(await d.visibility(id, outsider), outsider).toBeUndefined();
      }
    });
  });
});

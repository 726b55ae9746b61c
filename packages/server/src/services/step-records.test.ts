import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const KEY = 'hardship-assistance';

interface RecordView {
  stateId: string | null;
  actor: string;
  outcome: string | null;
  data: Record<string, unknown>;
  title: { 'zh-CN': string };
}

describe('step records over the API', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  /** A case above the branch limit, approved by the secretary with opinion A, now at the district leader. */
  async function atLeader(): Promise<string> {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    const res = await complete(
      s,
      id,
      'sec1',
      'approve',
      h.approval({ approvedAmount: 5000, opinion: '意见甲：同意帮扶' }),
    );
    expect(res.status).toBe(200);
    return id;
  }

  it("given the secretary's opinion A, when the district leader opens the task, then the opinion box is empty but the shared amount is a copy to edit", async () => {
    const id = await atLeader();
    const taskId = await taskFor(s, id, 'leader1');
    const task = await body(await s.call('GET', `/api/tasks/${taskId}`, { as: 'leader1' }));
    expect(task.data.opinion).toBeUndefined();
    expect(task.data.approvedAmount).toBe(5000);
    expect(task.data.followUpInterval).toBe('monthly');
  });

  it('given opinion A then opinion B, when the case is read, then both are kept, each attributed to its author and step', async () => {
    const id = await atLeader();
    const res = await complete(
      s,
      id,
      'leader1',
      'approve',
      h.leaderApproval({ opinion: '意见乙：同意，按5000元', approvedAmount: 5000 }),
    );
    expect(res.status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    const records = view.records as RecordView[];
    expect(records.map((r) => [r.stateId, r.actor, r.outcome])).toEqual([
      [null, 'head103', null],
      ['homeVisit', 'com1a', 'submit'],
      ['branchApproval', 'sec1', 'approve'],
      ['leaderApproval', 'leader1', 'approve'],
    ]);
    expect(records[2]!.data.opinion).toBe('意见甲：同意帮扶');
    expect(records[3]!.data.opinion).toBe('意见乙：同意，按5000元');
    expect(records[0]!.data.beneficiaryName).toBe(h.application().beneficiaryName);
    expect(records[3]!.title['zh-CN']).toBe('区领导审批帮扶');
  });

  it('given a payment above the approved amount refused with its receipt uploaded, when the case is read, then the receipt is not on the case', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    await complete(s, id, 'sec1', 'approve', h.approval());
    const form = new FormData();
    form.append(
      'file',
      new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], '签收单.pdf', { type: 'application/pdf' }),
    );
    const payer = 'biz1';
    const upload = await body(
      await s.call('POST', `/api/instances/${id}/attachments`, { as: payer, raw: form }),
    );
    const res = await complete(
      s,
      id,
      payer,
      'paid',
      h.payment({ amountPaid: 9000, receiptAttachmentId: upload.id }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view.attachments).toEqual([]);
    const ok = await complete(s, id, payer, 'paid', h.payment({ receiptAttachmentId: upload.id }));
    expect(ok.status).toBe(200);
    const after = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(after.attachments.map((a: { id: string }) => a.id)).toEqual([upload.id]);
  });
});

/** Directory changes re-run the proofs of every published process (`organisation/proof-breaks.ts`). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROOF_SENTENCES, stateOfPath } from '../organisation/proof-breaks';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
interface Broken {
  processKey: string;
  code: string;
  path: string;
  stateId: string | null;
  sentence: { 'zh-CN': string; en: string };
  detail: string;
}

const version = async (s: Server) =>
  (await body(await s.call('GET', '/api/admin/organisation', { as: 'admin' }))).version;

describe('directory changes re-run the proofs', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  const preview = async (ops: unknown[]) => {
    const res = await s.call('POST', '/api/admin/organisation/changes/preview', {
      as: 'admin',
      body: { ops },
    });
    expect(res.status).toBe(200);
    return (await body(res)) as { applied: boolean; preview: { brokenProofs: Broken[] } };
  };

  it('given the sole discipline leader loses the role, when previewed, then the accountability and bulletin processes are named in both languages and nothing changes', async () => {
    const before = await version(s);
    const result = await preview([
      { op: 'removeMembership', username: 'leader3', role: 'disciplineLeader', unit: 'district' },
    ]);
    expect(result.applied).toBe(false);
    const broken = result.preview.brokenProofs;
    expect(broken.map((b) => [b.processKey, b.code, b.stateId])).toEqual([
      ['accountability-investigation', 'assignment-unsatisfiable', 'investigate'],
      ['accountability-investigation', 'assignment-unsatisfiable', 'leaderApproval'],
      ['supervision-bulletin', 'assignment-unsatisfiable', 'approval'],
    ]);
    expect(broken[1]!.sentence).toEqual({
      'zh-CN': '流程「责任追究」：目录中没有人能办理这一步（leaderApproval）',
      en: 'Process "Accountability investigation": nobody in the directory can take this step (leaderApproval)',
    });
    expect(broken[1]!.detail).toContain('disciplineLeader');
    expect(await version(s)).toBe(before);
  });

  it('given the discipline leader also made a discipline inspector, when previewed, then the bulletin self-approval path is named with the person', async () => {
    const result = await preview([
      { op: 'addMembership', username: 'leader3', role: 'disciplineInspector', unit: 'supervision' },
    ]);
    const broken = result.preview.brokenProofs;
    expect(broken.map((b) => [b.processKey, b.code, b.path])).toEqual([
      ['scrap-material-recovery', 'self-approval-path', '/machine/states/leaderReward/task/excludes'],
      ['supervision-bulletin', 'self-approval-path', '/machine/states/approval/task/excludes'],
      ['supervision-bulletin', 'self-approval-path', '/machine/states/approval/task/excludes'],
    ]);
    expect(broken[1]!.sentence['zh-CN']).toBe(
      '流程「督查通报」：同一人可能在同一路径上既办理又审批（approval）',
    );
    expect(broken[1]!.detail).toContain(
      "'leader3' may perform 'recording' and then approve it at 'approval'",
    );
  });

  it('given the discipline leader leaves the district leaders, when previewed, then a notification to people who may not read the case is named', async () => {
    const result = await preview([
      { op: 'removeMembership', username: 'leader3', role: 'districtLeader', unit: 'district' },
    ]);
    expect(result.preview.brokenProofs.map((b) => [b.processKey, b.code, b.stateId])).toEqual([
      ['scrap-material-recovery', 'notify-audience-cannot-read', 'disciplineCheck'],
    ]);
  });

  it('given a change that breaks nothing, when previewed, then no proof is listed; and the change can still be saved when one is', async () => {
    expect(
      (await preview([{ op: 'setPerson', username: 'w001', phone: '13800000000' }])).preview.brokenProofs,
    ).toEqual([]);
    const res = await s.call('POST', '/api/admin/organisation/changes', {
      as: 'admin',
      body: {
        ops: [{ op: 'addMembership', username: 'leader3', role: 'disciplineInspector', unit: 'supervision' }],
      },
    });
    const saved = await body(res);
    expect(res.status).toBe(200);
    expect(saved.applied).toBe(true);
    expect(saved.preview.brokenProofs).toHaveLength(3);
    // proven again against the new directory: the same problems hold now, so nothing new breaks
    const again = await preview([{ op: 'setPerson', username: 'w001', phone: '13800000001' }]);
    expect(again.preview.brokenProofs).toEqual([]);
  });

  it.each(Object.keys(PROOF_SENTENCES))(
    'given proof code %s, then it has a zh-CN and an English sentence',
    (code) => {
      const sentence = PROOF_SENTENCES[code as keyof typeof PROOF_SENTENCES];
      expect(sentence['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(sentence.en).toMatch(/^[\x20-\x7e]+$/);
    },
  );

  it('given definition pointers, then the state is read from them', () => {
    expect(stateOfPath('/machine/states/a/states/b/task/excludes')).toBe('a.b');
    expect(stateOfPath('/machine/states/investigate/task/onEmpty/fallback/0')).toBe('investigate');
    expect(stateOfPath('/starters')).toBeNull();
  });
});

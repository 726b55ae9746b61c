import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DefinitionBundle } from '@flowform/engine';
import { AuditKey, CaseRuntime, openDatabase, replaceDirectory } from '@flowform/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIT_KEY_HEX } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { DEMO_CASES } from '../seed/demo-cases';
import { demoDirectory, shippedBundles } from '../seed/demo-seed';
import { main } from './main';

const root = mkdtempSync(join(tmpdir(), 'ff-what-if-'));
const dataDir = join(root, 'data');
const KEY = 'hardship-assistance';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * v2 as an administrator would write it: a review of the findings inserted before the branch
 * approves, its reviewer kept from approving.
 */
function withInsertedReview(v1: DefinitionBundle): DefinitionBundle {
  const definition = structuredClone(v1.definition);
  const { homeVisit, ...rest } = definition.machine.states;
  definition.machine.states = {
    homeVisit: { ...homeVisit, on: { submit: 'reviewFindings' } },
    reviewFindings: {
      task: {
        title: { 'zh-CN': '支部复核入户核实情况', en: 'The branch reviews the findings' },
        assignment: { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'branch' },
        outcomes: [{ key: 'confirm', label: { 'zh-CN': '核实无误', en: 'Confirmed' } }],
      },
      on: { confirm: 'branchApproval' },
    },
    ...rest,
  };
  // Whoever reviews the findings may not approve them too (lint's self-approval-path).
  const approval = definition.machine.states.branchApproval!.task!;
  approval.excludes = [...(approval.excludes ?? []), { kind: 'performerOf', state: 'reviewFindings' }];
  return { definition, forms: v1.forms };
}

describe('flowform replay --against (what-if)', () => {
  const saved = { ...process.env };
  let atVisit = '';
  let atApproval = '';
  const v1 = shippedBundles().find((b) => b.definition.key === KEY)!;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.FLOWFORM_DATA_DIR = dataDir;
    process.env.FLOWFORM_AUDIT_KEY = TEST_AUDIT_KEY_HEX;
    const open = await openDatabase({ dataDir }, serverMigrations);
    try {
      const runtime = new CaseRuntime({ db: open.db, auditKey: AuditKey.parse(TEST_AUDIT_KEY_HEX) });
      await replaceDirectory(open.db, demoDirectory());
      await runtime.definitions.publish(v1, 'admin');
      // The demo's two hardship cases: one waiting for the home visit, one for the branch's approval.
      const [visit, approval] = DEMO_CASES.filter((c) => c.definitionKey === KEY);
      atVisit = (
        await runtime.start({ definitionKey: KEY, data: visit!.data, actor: { username: visit!.starter } })
      ).instanceId;
      const started = await runtime.start({
        definitionKey: KEY,
        data: approval!.data,
        actor: { username: approval!.starter },
      });
      atApproval = started.instanceId;
      const step = approval!.steps[0]!;
      await runtime.execute(
        atApproval,
        { type: 'complete', taskId: started.tasks[0]!, outcome: step.outcome, data: step.data },
        { username: step.user },
      );
    } finally {
      await open.close();
    }
    writeFileSync(join(root, 'v2.json'), JSON.stringify(withInsertedReview(v1)));
    const broken = withInsertedReview(v1);
    broken.definition.machine.states.reviewFindings!.on = { confirm: 'nowhere' };
    writeFileSync(join(root, 'broken.json'), JSON.stringify(broken));
  }, 120_000);
  afterAll(() => {
    process.env = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('given v2 inserting a review published, when the running cases replay against it, then one reaches the same state and the other a different one, and nothing changes', async () => {
    expect(await cli(['import', join(root, 'v2.json')])).toMatchObject({
      code: 0,
      out: `Published ${KEY}@2`,
    });
    const run = await cli(['replay', '--against', `${KEY}@2`]);
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toEqual([
      `case ${atVisit} (v1): same state (homeVisit)`,
      `case ${atApproval} (v1): different state: branchApproval → reviewFindings`,
      `2 running case(s) replayed against ${KEY}@2: 1 same, 1 different, 0 refused`,
    ]);
    expect(await cli(['replay', '--all'])).toMatchObject({ code: 0, out: '2 case(s) replayed, 0 differ' });
  });

  it('given --json and --instance, when asked, then only that case is reported, as data', async () => {
    const run = await cli(['replay', '--against', `${KEY}@2`, '--instance', atApproval, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({
      against: `${KEY}@2`,
      cases: [
        {
          instanceId: atApproval,
          definitionVersion: 1,
          result: {
            verdict: 'different',
            actual: { states: ['branchApproval'], status: 'running' },
            replayed: { states: ['reviewFindings'], status: 'running' },
          },
        },
      ],
    });
  });

  it('given a bundle file, when replayed against it, then the report is the same as for the published version', async () => {
    const run = await cli(['replay', '--file', join(root, 'v2.json')]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      `2 running case(s) replayed against ${join(root, 'v2.json')}: 1 same, 1 different, 0 refused`,
    );
  });

  it.each([
    [['replay', '--file', join(root, 'broken.json')], 1, 'the draft has lint errors'],
    [['replay', '--against', `${KEY}@9`], 1, `no published version 9 of '${KEY}'`],
    [['replay', '--against', KEY], 1, '--against wants key@version'],
    [['replay', '--draft', KEY], 1, `no draft of '${KEY}'`],
    [['replay', '--against', `${KEY}@2`, '--draft', KEY], 2, 'give one of --against'],
  ])('given %j, when run, then it exits %i saying %s', async (args, code, message) => {
    const run = await cli(args);
    expect(run.code).toBe(code);
    expect(run.err).toContain(message);
  });

  it('given the two cases migrated to v2 from the CLI (dry run, a refused mapping, then --apply), when the audit is verified and replayed from the CLI, then both hold, and what-if against v2 now finds them the same', async () => {
    const dry = await cli(['migrate-cases', KEY, '--from', '1', '--to', '2']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`case ${atApproval}: would move branchApproval → branchApproval`);
    expect(dry.out).toMatch(
      /2 of 2 case\(s\) would move with mapping hardship-assistance@1->2#[0-9a-f]{12} \(dry run/,
    );
    const refused = await cli([
      'migrate-cases',
      KEY,
      '--from',
      '1',
      '--to',
      '2',
      '--map',
      'homeVisit=closed',
      '--apply',
    ]);
    expect(refused).toMatchObject({
      code: 1,
      out: expect.stringContaining('/states/homeVisit: migration-target-final'),
    });
    const applied = await cli(['migrate-cases', KEY, '--from', '1', '--to', '2', '--apply', '--by', 'admin']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`case ${atVisit}: moved homeVisit → homeVisit`);
    expect(applied.out).toContain('2 of 2 case(s) moved with mapping');
    const verified = await cli(['verify-audit']);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('0 broken chain(s)');
    expect(verified.out).toContain('0 finding(s)');
    expect(await cli(['replay', '--all'])).toMatchObject({ code: 0, out: '2 case(s) replayed, 0 differ' });
    const whatIf = await cli(['replay', '--against', `${KEY}@2`]);
    expect(whatIf.out).toContain(`case ${atVisit} (v2): same state (homeVisit)`);
    // Its history replayed on v2 from the start passes through the inserted review; the migration put it at the approval.
    expect(whatIf.out).toContain(`case ${atApproval} (v2): different state: branchApproval → reviewFindings`);
  });
});

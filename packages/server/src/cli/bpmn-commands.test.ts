import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessDefinition } from '@flowform/engine';
import { CaseRuntime, openDatabase } from '@flowform/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverMigrations } from '../database/server-migrations';
import { main } from './main';

const root = join(import.meta.dirname, '../../../..');
const fixtures = join(root, 'packages/bpmn/src/fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'ff-bpmn-cli-'));

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('flowform import-bpmn', () => {
  it('given a BPMN file and --out, when imported, then the report is printed and the draft written', async () => {
    const out = join(scratch, 'invoice.json');
    const run = await cli([
      'import-bpmn',
      join(fixtures, 'invoice-approval.bpmn'),
      '--out',
      out,
      '--unit',
      'district',
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'mapped   userTask approveInvoice "Approve invoice" → state approveInvoice (user task)',
    );
    expect(run.out).toMatch(/31 element\(s\): 24 mapped, 2 partial, 5 not mapped/);
    expect(run.out).toContain('the draft lints clean');
    const draft = JSON.parse(readFileSync(out, 'utf8')) as { definition: ProcessDefinition; forms: object };
    expect(draft.definition.key).toBe('invoice-approval');
    expect(draft.definition.starters).toEqual({ kind: 'role', role: 'accounting', unit: 'district' });
    expect(Object.keys(draft.forms)).toContain('invoice-approval.approve-invoice');
  });

  it('given a draft the import wrote, when linted against a directory, then only the people are left to set', async () => {
    const out = join(scratch, 'review.json');
    await cli(['import-bpmn', join(fixtures, 'parallel-review.bpmn'), '--out', out]);
    const lint = await cli([
      'lint',
      out,
      '--json',
      '--directory',
      join(root, 'packages/engine/src/lint/lint-test-directory.json'),
    ]);
    const report = JSON.parse(lint.out) as { files: { problems: { code: string }[] }[] };
    const codes = new Set(report.files[0]!.problems.map((p) => p.code));
    expect([...codes]).toEqual(['assignment-unsatisfiable']);
  });

  it('given a process with nothing Flowform can map, when imported, then exit 1', async () => {
    const file = join(scratch, 'empty.bpmn');
    const xml =
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">' +
      '<bpmn:process id="p"><bpmn:startEvent id="s"><bpmn:messageEventDefinition/></bpmn:startEvent></bpmn:process></bpmn:definitions>';
    (await import('node:fs')).writeFileSync(file, xml);
    const run = await cli(['import-bpmn', file]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('nothing could be mapped');
  });

  it('given a file that is not XML, or no file, when imported, then exit 1 or 2 with the reason', async () => {
    const notXml = await cli(['import-bpmn', join(root, 'README.md')]);
    expect(notXml.code).toBe(1);
    expect(notXml.err).toContain('not BPMN 2.0 XML');
    expect((await cli(['import-bpmn'])).code).toBe(2);
    expect((await cli(['import-bpmn', 'no/such.bpmn'])).code).toBe(2);
    expect((await cli(['import-bpmn', 'x.bpmn', '--bogus'])).code).toBe(2);
  });
});

describe('flowform export-bpmn', () => {
  const dataDir = join(scratch, 'data');
  const saved = { ...process.env };

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.FLOWFORM_DATA_DIR = dataDir;
    const open = await openDatabase({ dataDir }, serverMigrations);
    const definition = JSON.parse(
      readFileSync(join(root, 'workflows/labour-competition.json'), 'utf8'),
    ) as ProcessDefinition;
    const forms = Object.fromEntries(
      ['start', 'approval', 'award', 'branch-assessment', 'organ-group-assessment', 'station-assessment'].map(
        (f) => [
          `labour-competition.${f}`,
          JSON.parse(readFileSync(join(root, `forms/labour-competition.${f}.json`), 'utf8')),
        ],
      ),
    );
    await new CaseRuntime({ db: open.db }).definitions.publish({ definition, forms }, 'admin');
    await open.close();
  }, 60_000);
  afterAll(() => {
    process.env = saved;
  });

  it('given a published definition, when exported to a file and imported back, then the same states return', async () => {
    const out = join(scratch, 'labour.bpmn');
    const run = await cli(['export-bpmn', 'labour-competition', '--version', '1', '--out', out]);
    expect(run.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<bpmndi:BPMNDiagram');
    expect(xml).toContain('<flowform:state key="approval">');
    const back = await cli(['import-bpmn', out]);
    expect(back.code).toBe(0);
    expect(back.out).toContain('0 not mapped');
  });

  it('given an unknown key or version, when exported, then exit 1', async () => {
    expect((await cli(['export-bpmn', 'no-such-process'])).code).toBe(1);
    expect((await cli(['export-bpmn', 'labour-competition', '--version', '9'])).code).toBe(1);
    expect((await cli(['export-bpmn'])).code).toBe(2);
  });

  it('given a definition file, when exported, then the BPMN goes to stdout', async () => {
    const run = await cli(['export-bpmn', join(root, 'workflows/hardship-assistance.json')]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^<\?xml/);
    expect(run.out).toContain('<bpmn:process id="hardship-assistance"');
  });
});

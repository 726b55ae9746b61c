import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulationReport } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const root = join(import.meta.dirname, '../../../..');
const workflows = join(root, 'workflows');
const keys = readdirSync(workflows)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

async function runCli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Each shipped process is walked once; the tests read the same report. */
const reports = new Map<string, Promise<{ code: number; out: string }>>();
function simulated(key: string) {
  if (!reports.has(key)) reports.set(key, runCli(['simulate', key, '--json', '--workflows', workflows]));
  return reports.get(key)!;
}

function script(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flowform-sim-')), 'script.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('flowform simulate', () => {
  it('given the admonition talk, when simulated, then each step is printed in Chinese and English with a coverage line', async () => {
    const { code, out } = await runCli(['simulate', 'admonition-talk', '--workflows', workflows]);
    expect(code).toBe(0);
    expect(out).toContain('模拟 Simulation: 诫勉谈话 Admonition talk (admonition-talk)');
    expect(out).toContain(
      '刘永刚 leader1「安排诫勉谈话 Schedule the admonition talk」→ 确定谈话安排 Confirm the schedule',
    );
    expect(out).toContain(
      '待办 to do: 提交整改计划 Submit a rectification plan → 肖志刚 sec1 (截止 due 2026-03-07 16:00)',
    );
    expect(out).toContain('⏰ 超时处理 escalation @ plan');
    expect(out.trim().split('\n').at(-1)).toMatch(
      /^覆盖率 Coverage: 状态 states 8\/8 \(100%\), 转移 transitions 10\/10 \(100%\); 路径 paths \d+/,
    );
  });

  it('given the hardship application, when simulated, then each path names who performs each step, after separation of duties', async () => {
    const { code, out } = await runCli(['simulate', 'hardship-assistance', '--workflows', workflows]);
    expect(code).toBe(0);
    expect(out).toContain('按人员的路径 Paths as people (5):');
    // sec1 applies as branch secretary: the branch approval goes past him (initiator) and past com1a,
    // who made the home visit, to the other committee member
    expect(out).toContain(
      '4. 发起: 肖志刚 sec1 → 入户走访核实: 邱宏伟 com1a（提交核实情况） → 支部审批帮扶: 史爱华 com1b（不同意） ■ 办结 completed',
    );
    expect(out).toContain(
      '   Start: Xiao Zhigang sec1 → Visit the family and verify: Qiu Hongwei com1a (Submit the findings) → Branch approves the assistance: Shi Aihua com1b (Reject)',
    );
    expect(out).not.toMatch(/支部审批帮扶: \S+ (sec1|com1a)/);
    const json = await runCli(['simulate', 'hardship-assistance', '--workflows', workflows, '--json']);
    const paths = (JSON.parse(json.out) as { peoplePaths: { steps: { person?: { username: string } }[] }[] })
      .peoplePaths;
    expect(paths.map((p) => p.steps.map((s) => s.person?.username ?? '⏰').join(' '))).toContain(
      'sec1 com1a com1b leader1 biz1 ⏰ sec1 sec1',
    );
  });

  it.each(keys)(
    'given the shipped %s, when simulated with --json, then every state and transition is covered',
    async (key) => {
      const { code, out } = await simulated(key);
      expect(code).toBe(0);
      const report = JSON.parse(out) as SimulationReport;
      expect(report.process).toBe(key);
      expect(report.coverage.states.missing).toEqual([]);
      expect(report.coverage.transitions.missing).toEqual([]);
      expect(report.truncated).toBe(false);
    },
  );

  it('given the quarterly evaluation (a score sheet per rater per cadre), when simulated, then one step completes every sheet of a tier and the walk ends', async () => {
    const { code, out } = await simulated('quarterly-cadre-evaluation');
    expect(code).toBe(0);
    const report = JSON.parse(out) as SimulationReport;
    const steps: SimulationReport['roots'] = [];
    const walk = (list: SimulationReport['roots']) =>
      list.forEach((s) => {
        steps.push(s);
        walk(s.next);
      });
    walk(report.roots);
    const before = steps.find((s) => s.tasks.filter((t) => t.state.endsWith('leaders.scoring')).length > 1);
    expect(before).toBeDefined();
    const sheet = before!.next.find(
      (s) => s.action.kind === 'complete' && s.action.state.endsWith('leaders.scoring'),
    );
    expect(sheet?.tasks.filter((t) => t.state.endsWith('leaders.scoring'))).toEqual([]);
    expect(report.truncated).toBe(false);
    expect(report.coverage.transitions.missing).toEqual([]);
  });

  it('given a script, when simulated, then only its path is walked', async () => {
    const file = script({
      start: {
        user: 'leader2',
        data: {
          cadre: 'head105',
          unit: 'station-105',
          reason: 'other',
          reasonDetail: '迟到早退',
          talker: 'leader2',
        },
      },
      steps: [
        {
          user: 'leader2',
          outcome: 'scheduled',
          data: { scheduledDate: '2026-03-04', scheduledTime: '09:30', location: '党总支办公室' },
        },
        { advance: 'P1D' },
      ],
    });
    const { code, out } = await runCli(['simulate', 'admonition-talk', '--script', file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as SimulationReport;
    expect(report.paths).toBe(1);
    expect(report.roots[0]!.next[0]!.tasks).toEqual([
      expect.objectContaining({
        state: 'talk',
        users: [{ username: 'leader2', name: { 'zh-CN': '徐国庆', en: 'Xu Guoqing' } }],
      }),
    ]);
    expect(report.coverage.transitions.covered).toBe(1);
  });

  it('given a script step the engine refuses, when simulated, then exit 1 names the step', async () => {
    const file = script({
      start: { user: 'leader2' },
      steps: [{ user: 'leader1', outcome: 'scheduled', data: {} }],
    });
    const { code, err } = await runCli(['simulate', 'admonition-talk', '--script', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/step 1: the engine refused complete/);
  });

  it('given no process, an unknown process or an unknown option, when run, then usage and exit 2', async () => {
    expect((await runCli(['simulate'])).code).toBe(2);
    expect((await runCli(['simulate', 'no-such-process', '--workflows', workflows])).code).toBe(2);
    expect((await runCli(['simulate', 'admonition-talk', '--bogus'])).code).toBe(2);
    expect((await runCli(['simulate', '--help'])).out).toContain('Usage: flowform simulate');
  });
});

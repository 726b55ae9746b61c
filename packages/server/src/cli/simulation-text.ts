/** The simulator's report as text: a tree of steps in Chinese and English, then the coverage line. */
import {
  type CoverageFigure,
  type PeoplePath,
  type PeopleStep,
  peoplePaths,
  type SimAction,
  type SimPerson,
  type SimStep,
  type SimTask,
  type SimulationReport,
} from '@flowform/engine';

const BEIJING_MS = 8 * 3_600_000;

function time(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function who(p: SimPerson): string {
  return `${p.name['zh-CN']} ${p.username}`;
}

const TIMER: Record<string, string> = {
  after: '定时转移 timer',
  reminder: '提醒 reminder',
  escalation: '超时处理 escalation',
  due: '到期 due',
};

const ENDS: Record<NonNullable<SimStep['end']>, string> = {
  completed: '■ 办结 completed',
  cancelled: '■ 撤销 cancelled',
  seen: '↺ 此后同前 explored before',
  depth: '… 达到深度上限 depth limit',
  budget: '… 达到步数上限 step limit',
  stuck: '✗ 无法继续 stuck',
};

function sample(note: string | undefined): string {
  return note ? ` [样本 sample: ${note}]` : '';
}

function action(a: SimAction): string {
  switch (a.kind) {
    case 'start':
      return `${who(a.user)} 发起 starts${sample(a.sample)}`;
    case 'complete':
      return `${who(a.user)}「${a.title['zh-CN']} ${a.title.en}」→ ${a.label['zh-CN']} ${a.label.en}${sample(a.sample)}`;
    case 'return':
      return `${who(a.user)}「${a.title['zh-CN']} ${a.title.en}」退回 returns to ${a.target}`;
    case 'timer':
      return `⏰ ${TIMER[a.timer]} @ ${a.state}`;
    case 'childDone':
      return `子流程${a.status === 'completed' ? '办结' : '撤销'} child case ${a.status} @ ${a.state}`;
    case 'command':
      return `${who(a.user)} ${a.command}`;
  }
}

function task(t: SimTask): string {
  const due = t.dueAt ? ` (截止 due ${time(t.dueAt)})` : '';
  return `${t.title['zh-CN']} ${t.title.en} → ${t.users.map(who).join('、')}${due}`;
}

function lines(step: SimStep, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  out.push(`${pad}• ${time(step.at)} ${action(step.action)}`);
  if (step.end !== 'seen') {
    for (const t of step.transitions) out.push(`${pad}    ↳ ${t}`);
    for (const e of step.effects) out.push(`${pad}    ⚙ ${e}`);
    if (step.tasks.length > 0) out.push(`${pad}    待办 to do: ${step.tasks.map(task).join('；')}`);
  }
  if (step.end) out.push(`${pad}    ${ENDS[step.end]}`);
  for (const next of step.next) lines(next, depth + 1, out);
}

function figure(label: string, f: CoverageFigure): string {
  const pct = f.total === 0 ? 100 : Math.floor((f.covered / f.total) * 1000) / 10;
  return `${label} ${f.covered}/${f.total} (${pct}%)`;
}

/** How many people paths the text lists; `--json` lists them all. */
const PATHS_SHOWN = 40;

function peopleStep(s: PeopleStep, locale: 'zh-CN' | 'en'): string {
  const detail = s.detail ? (locale === 'en' ? ` (${s.detail.en})` : `（${s.detail['zh-CN']}）`) : '';
  const person = s.person ? `: ${s.person.name[locale]} ${s.person.username}` : '';
  return `${s.step[locale]}${person}${detail}`;
}

/** Each path as the people who walk it: `发起: 吕长江 insp1 → 调查核实: 吕长江 insp1（提交调查结果）→ …`. */
function peopleLines(paths: PeoplePath[]): string[] {
  const out = [`按人员的路径 Paths as people (${paths.length}):`];
  paths.slice(0, PATHS_SHOWN).forEach((path, i) => {
    const end = ENDS[path.end];
    out.push(`${i + 1}. ${path.steps.map((s) => peopleStep(s, 'zh-CN')).join(' → ')} ${end}`);
    out.push(`   ${path.steps.map((s) => peopleStep(s, 'en')).join(' → ')}`);
  });
  if (paths.length > PATHS_SHOWN) out.push(`… 另有 ${paths.length - PATHS_SHOWN} 条 more (--json lists all)`);
  return out;
}

/** The whole report, ready to print. */
export function simulationText(report: SimulationReport): string {
  const out = [
    `模拟 Simulation: ${report.name['zh-CN']} ${report.name.en} (${report.process})`,
    '时间为北京时间 Times are Beijing time (UTC+8)',
    '',
  ];
  for (const root of report.roots) lines(root, 0, out);
  const { states, transitions } = report.coverage;
  out.push('', ...peopleLines(peoplePaths(report)));
  out.push('');
  if (states.missing.length > 0) out.push(`未进入的状态 States never entered: ${states.missing.join(', ')}`);
  if (transitions.missing.length > 0)
    out.push(`未经过的转移 Transitions never taken: ${transitions.missing.join('; ')}`);
  if (report.truncated) out.push('步数已达上限，探索不完整 The step limit cut the walk short');
  out.push(
    `覆盖率 Coverage: ${figure('状态 states', states)}, ${figure('转移 transitions', transitions)}; ` +
      `路径 paths ${report.paths}, 步骤 steps ${report.steps}, 被拒 refused ${report.refused}`,
  );
  return out.join('\n');
}

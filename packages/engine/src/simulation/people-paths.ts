/**
 * The simulated paths as the people who would walk them: for each path that ends (or stops), who
 * starts the case and who performs each step, as the directory and the exclusions named them —
 * `发起: 吕长江 → 调查核实: 吕长江 → 纪检领导审批: 高勇`. Paths that join one explored before are left
 * out (the joined path is listed); loops (退回 and doing a step again) are cut out, the step's last
 * performance kept, and paths naming the same people for the same steps are one.
 */
import type { LocalizedText } from '../definition/definition-types';
import type { SimAction, SimPerson, SimStep, SimulationReport } from './simulation-types';

/** One step of a path: what was done (a step title, 发起, a timer) and by whom, if by a person. */
export interface PeopleStep {
  step: LocalizedText;
  /** The outcome chosen (同意), the return target, or the timer. */
  detail?: LocalizedText;
  person?: SimPerson;
}

/** One walked path and how it ended. */
export interface PeoplePath {
  steps: PeopleStep[];
  end: NonNullable<SimStep['end']>;
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

const TIMERS: Record<string, LocalizedText> = {
  after: text('定时转移', 'timer'),
  reminder: text('提醒', 'reminder'),
  escalation: text('超时处理', 'escalation'),
  due: text('到期', 'due'),
};

function peopleStep(a: SimAction): PeopleStep {
  switch (a.kind) {
    case 'start':
      return { step: text('发起', 'Start'), person: a.user };
    case 'complete':
      return { step: a.title, detail: a.label, person: a.user };
    case 'return':
      return { step: a.title, detail: text(`退回 ${a.target}`, `returns to ${a.target}`), person: a.user };
    case 'timer':
      return { step: text(`⏰ ${a.state}`, `⏰ ${a.state}`), detail: TIMERS[a.timer] };
    case 'childDone':
      return { step: text(`子流程 ${a.state}`, `child case ${a.state}`), detail: text(a.status, a.status) };
    case 'command':
      return { step: text(a.command, a.command), person: a.user };
  }
}

/** The path without its loops: a step done again by the same person drops what lay between. */
function loopErased(path: PeopleStep[]): PeopleStep[] {
  const out: PeopleStep[] = [];
  for (const step of path) {
    const again = out.findIndex(
      (s) => s.step.en === step.step.en && s.person?.username === step.person?.username,
    );
    if (again >= 0) out.length = again;
    out.push(step);
  }
  return out;
}

/** The distinct people paths of a report, in the order the walk found them. */
export function peoplePaths(report: SimulationReport): PeoplePath[] {
  const out: PeoplePath[] = [];
  const seen = new Set<string>();
  const walk = (step: SimStep, before: PeopleStep[]) => {
    const path = [...before, peopleStep(step.action)];
    if (step.end === 'seen') return;
    if (step.end || step.next.length === 0) {
      const steps = loopErased(path);
      const key = JSON.stringify(steps.map((p) => [p.step.en, p.detail?.en, p.person?.username]));
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ steps, end: step.end ?? 'stuck' });
      }
      return;
    }
    for (const next of step.next) walk(next, path);
  };
  for (const root of report.roots) walk(root, []);
  return out;
}

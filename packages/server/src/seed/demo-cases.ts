import { canActOn } from '@flowform/engine';
import type { ServerContext } from '../server-context';

/** One step of a demo case after its start: who completes their task with what. */
interface DemoStep {
  user: string;
  outcome: string;
  data: Record<string, unknown>;
}

/** A case the demo starts so the inbox, case lists and history have something to show. */
interface DemoCase {
  definitionKey: string;
  starter: string;
  data: Record<string, unknown>;
  steps: DemoStep[];
}

const hardship = {
  category: 'hardshipFamily',
  beneficiaryName: '王桂芳',
  relatedWorker: 'w003',
  branch: 'branch-1',
  patch: 'patch-2',
  address: '油建小区3栋2单元101',
  phone: '0546-8761234',
  householdSize: 4,
  monthlyIncomePerCapita: 560,
  causes: ['seriousIllness'],
  situation: '丈夫重病住院，两个孩子上学，家庭收入骤减。',
  helpWanted: ['cash', 'medical'],
  amountRequested: 2000,
};

/**
 * The demo's cases in progress: a hardship application waiting for the home visit, another waiting
 * for the branch secretary's approval, an admonition talk waiting to be scheduled and a
 * (confidential) accountability report waiting for its investigation.
 */
export const DEMO_CASES: readonly DemoCase[] = [
  { definitionKey: 'hardship-assistance', starter: 'head103', data: hardship, steps: [] },
  {
    definitionKey: 'hardship-assistance',
    starter: 'head103',
    data: { ...hardship, beneficiaryName: '李建华', relatedWorker: 'w004', amountRequested: 1500 },
    steps: [
      {
        user: 'com1a',
        outcome: 'submit',
        data: {
          visitedOn: '2026-03-03',
          visitors: ['com1a', 'head103'],
          findings: '入户查看，情况属实。',
          situationConfirmed: 'confirmed',
          recommendedAmount: 1500,
          recommendation: '建议给予慰问金帮扶。',
        },
      },
    ],
  },
  {
    definitionKey: 'admonition-talk',
    starter: 'leader2',
    data: {
      cadre: 'head105',
      unit: 'station-105',
      reason: 'leaderInstruction',
      reasonDetail: '近期多次无故缺席班前教育，职工反映较大。',
      talker: 'leader2',
    },
    steps: [],
  },
  {
    definitionKey: 'accountability-investigation',
    starter: 'insp1',
    data: {
      source: 'errorBoard',
      unit: 'station-101',
      personConcerned: 'head101',
      occurredOn: '2026-02-26',
      discoveredOn: '2026-02-27',
      summary: '夜班巡井记录漏填三次',
      details: '2月下旬101计量站夜班巡井记录连续三次漏填，经工作失误曝光台曝光。',
    },
    steps: [],
  },
];

/**
 * Starts the demo's cases through the runtime, as their people would (so every row is audited and
 * replayable); a case whose process is not published or which the engine refuses is skipped and
 * named. Returns the ids started and the keys skipped.
 */
export async function seedDemoCases(
  ctx: ServerContext,
  cases: readonly DemoCase[] = DEMO_CASES,
): Promise<{ started: string[]; skipped: string[] }> {
  const started: string[] = [];
  const skipped: string[] = [];
  for (const demo of cases) {
    try {
      const outcome = await ctx.runtime.start({
        definitionKey: demo.definitionKey,
        data: demo.data,
        actor: { username: demo.starter },
      });
      for (const step of demo.steps) await completeAs(ctx, outcome.instanceId, step);
      started.push(outcome.instanceId);
    } catch (error) {
      skipped.push(`${demo.definitionKey}: ${(error as Error).message}`);
    }
  }
  return { started, skipped };
}

async function completeAs(ctx: ServerContext, instanceId: string, step: DemoStep): Promise<void> {
  const snapshot = await ctx.runtime.snapshot(instanceId);
  const directory = await ctx.runtime.directoryAt();
  const task = snapshot?.tasks.find((t) =>
    t.assignee ? t.assignee === step.user : canActOn(step.user, t.candidates, directory),
  );
  if (!task) throw new Error(`${step.user} holds no task of ${instanceId}`);
  await ctx.runtime.execute(
    instanceId,
    { type: 'complete', taskId: task.id, outcome: step.outcome, data: step.data },
    { username: step.user },
  );
}

/** Small assertions every scenario uses: who holds which task, the audit trail, replay. */
import { expect } from 'vitest';
import type { ScenarioDriver } from './scenario-driver';

/** State id → users who may work its open tasks (several tasks in one state are merged). */
export async function whoHolds(driver: ScenarioDriver, caseId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const task of await driver.openTasks(caseId)) {
    out[task.stateId] = [...new Set([...(out[task.stateId] ?? []), ...task.users])].sort();
  }
  return out;
}

/** The audit trail as `actor action [outcome]` lines. */
export async function trail(driver: ScenarioDriver, caseId: string): Promise<string[]> {
  return (await driver.audit(caseId)).map((a) => [a.actor, a.action, a.outcome].filter(Boolean).join(' '));
}

/** Active state ids of the case, leaves only, sorted. */
export async function statesOf(driver: ScenarioDriver, caseId: string): Promise<string[]> {
  const out: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') out.push(prefix ? `${prefix}.${value}` : value);
    else for (const [k, v] of Object.entries(value as object)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk((await driver.snapshot(caseId)).machine.value, '');
  return out.sort();
}

/** Replaying the audit trail gives the stored snapshot, byte for byte. */
export async function expectReplayMatches(driver: ScenarioDriver, caseId: string): Promise<void> {
  expect(JSON.stringify(await driver.replay(caseId))).toBe(JSON.stringify(await driver.snapshot(caseId)));
}

/** The code of a refused command. */
export async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

/** Notifications of a kind in the case's effects, as `kind: users`. */
export async function notices(driver: ScenarioDriver, caseId: string, kind: string): Promise<string[][]> {
  return (await driver.effects(caseId)).flatMap((e) =>
    e.type === 'notify' && e.kind === kind ? [e.users] : [],
  );
}

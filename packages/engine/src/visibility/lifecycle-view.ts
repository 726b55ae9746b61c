import type { Directory } from '../assignment';
import type { CaseSnapshot, CaseSuspension } from '../stepping/case-snapshot';
import type { CompiledDefinition } from '../stepping/compiled-definition';
import { activeStateIds } from '../stepping/machine-driver';
import { type CaseView, viewCase } from './case-view';

/**
 * What an administrator's case list and lifecycle commands (挂起 / 恢复 / 取消) may show of a case.
 * `view`: the administrator may open the case; its `CaseView` decides what shows (the initiator,
 * the case's unit unless its field is hidden). `break-glass`: a confidential case the administrator
 * may not open: only its lifecycle (process, status, dates, suspension, where it rests, how many
 * tasks are open) — no data, no initiator, no unit, nothing a hidden field could reach.
 */
export interface CaseLifecycle {
  access: 'view' | 'break-glass';
  view?: CaseView;
  definitionKey: string;
  definitionVersion: number;
  status: CaseSnapshot['status'];
  outcome?: CaseSnapshot['outcome'];
  startedAt: string;
  endedAt?: string;
  suspension?: CaseSuspension;
  states: string[];
  openTasks: number;
  initiator?: string;
  caseUnit?: string;
}

/**
 * The lifecycle view of a case for an administrator, or `undefined` for anyone else who may not
 * open the case (the API answers 404 then). A non-administrator who may open it gets the `view` form.
 */
export function lifecycleView(
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
  username: string,
  directory: Directory,
): CaseLifecycle | undefined {
  const view = viewCase(compiled, snap, username, directory);
  if (!view && !directory.administrators().includes(username)) return undefined;
  const base: CaseLifecycle = {
    access: view ? 'view' : 'break-glass',
    definitionKey: snap.definitionKey,
    definitionVersion: snap.definitionVersion,
    status: snap.status,
    startedAt: snap.startedAt,
    states: snap.status === 'running' ? activeStateIds(snap.machine.value) : [],
    openTasks: snap.tasks.length,
  };
  if (snap.outcome) base.outcome = snap.outcome;
  if (snap.endedAt) base.endedAt = snap.endedAt;
  if (snap.suspension) base.suspension = { ...snap.suspension };
  if (!view) return base;
  const unitField = compiled.definition.unitField;
  const unitShown = !unitField || view.seesField(unitField);
  return {
    ...base,
    view,
    initiator: snap.initiator,
    ...(snap.caseUnit && unitShown ? { caseUnit: snap.caseUnit } : {}),
  };
}

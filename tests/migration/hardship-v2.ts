/**
 * Version 2 of the shipped hardship-assistance process, as an administrator would publish it: a
 * review of the home visit's findings inserted before the branch approves (`reviewFindings`), and
 * the payment step renamed (`payment` → `disbursement`, the same task under a new id). The reviewer
 * is kept from approving what he reviewed.
 */
import type { DefinitionBundle, StateDef } from '@flowform/engine';

export function hardshipV2(v1: DefinitionBundle): DefinitionBundle {
  const definition = structuredClone(v1.definition);
  const states = definition.machine.states;
  const reviewFindings: StateDef = {
    name: { 'zh-CN': '复核核实情况', en: 'Review the findings' },
    task: {
      title: { 'zh-CN': '支部复核入户核实情况', en: 'The branch reviews the home visit findings' },
      assignment: { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'branch' },
      outcomes: [
        { key: 'confirm', label: { 'zh-CN': '核实无误', en: 'Findings confirmed' }, style: 'primary' },
      ],
      operations: ['comment'],
    },
    on: { confirm: 'branchApproval' },
  };
  const renamed: Record<string, StateDef> = {};
  for (const [id, def] of Object.entries(states)) {
    if (id === 'homeVisit') {
      renamed[id] = { ...def, on: { submit: 'reviewFindings' } };
      renamed.reviewFindings = reviewFindings;
    } else if (id === 'payment') renamed.disbursement = def;
    else renamed[id] = def;
  }
  const retarget = (spec: unknown): unknown => {
    if (spec === 'payment') return 'disbursement';
    if (Array.isArray(spec)) return spec.map(retarget);
    if (spec && typeof spec === 'object' && (spec as { target?: string }).target === 'payment')
      return { ...spec, target: 'disbursement' };
    return spec;
  };
  for (const id of ['branchApproval', 'leaderApproval']) {
    const on = renamed[id]!.on!;
    renamed[id] = { ...renamed[id], on: { ...on, approve: retarget(on.approve) as never } };
  }
  // Whoever reviews the findings may not approve them too (lint's self-approval-path).
  const approval = renamed.branchApproval!.task!;
  approval.excludes = [...(approval.excludes ?? []), { kind: 'performerOf', state: 'reviewFindings' }];
  definition.machine.states = renamed;
  return { definition, forms: v1.forms };
}

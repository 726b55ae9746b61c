/**
 * Who does a user task: `assignee` → a `users` rule (or `initiator`, or a `field` rule for a
 * variable), `candidateUsers` → `users`, `candidateGroups` → `role` rules in the import's unit;
 * Camunda 7 / Flowable / Activiti attributes, Zeebe's `assignmentDefinition` and BPMN's
 * `potentialOwner` alike. Several sources become `anyOf`.
 */
import type { AssignmentRule } from '@flowform/engine/browser';
import type { BpmnNode } from '../graph/bpmn-graph';
import { vendorAttribute, zeebeAttribute } from '../graph/vendor-extensions';
import type { ModdleElement } from '../moddle/bpmn-io';
import { type ImportContext, needField } from './import-context';
import { expressionVariable, isExpression } from './names';

export interface AssignmentMapping {
  rule: AssignmentRule;
  notes: string[];
  partial: boolean;
}

const INITIATOR_NAMES = new Set(['initiator', 'starter', 'initiatorId']);

/** The assignment rule of a user task; `elementVariable` is a multi-instance task's per-item variable. */
export function mapAssignment(
  ctx: ImportContext,
  node: BpmnNode,
  collectionField?: { field: string; elementVariable?: string },
): AssignmentMapping {
  const el = node.element;
  const notes: string[] = [];
  let partial = false;
  const read = (attr: string) =>
    vendorAttribute(ctx.graph, el, attr) ?? zeebeAttribute(ctx.graph, el, 'assignmentDefinition', attr);
  const users: string[] = [];
  const rules: AssignmentRule[] = [];
  const person = (text: string) => {
    const variable = expressionVariable(text);
    if (variable && collectionField && variable === collectionField.elementVariable) {
      rules.push({ kind: 'field', field: collectionField.field });
      return;
    }
    if (variable && (INITIATOR_NAMES.has(variable) || variable === initiatorVariable(ctx))) {
      rules.push({ kind: 'initiator' });
      return;
    }
    if (variable) {
      needField(ctx, variable, 'string');
      rules.push({ kind: 'field', field: variable });
      notes.push(`assignee from the case field '${variable}'`);
      return;
    }
    if (isExpression(text)) {
      partial = true;
      notes.push(`assignee expression '${text}' not translated`);
      return;
    }
    users.push(text);
  };
  const assignee = read('assignee');
  if (assignee) person(assignee);
  for (const u of list(read('candidateUsers'))) person(u);
  const group = (g: string) => {
    if (isExpression(g)) {
      partial = true;
      notes.push(`candidate group expression '${g}' not translated`);
    } else {
      rules.push({ kind: 'role', role: g, unit: ctx.unit });
      notes.push(`candidate group '${g}' → role '${g}' in unit '${ctx.unit}': check the unit`);
    }
  };
  for (const g of list(read('candidateGroups'))) group(g);
  for (const owner of standardOwners(el)) {
    const inGroup = /^group\((.+)\)$/.exec(owner)?.[1];
    if (inGroup) group(inGroup.trim());
    else person(/^user\((.+)\)$/.exec(owner)?.[1]?.trim() ?? owner);
  }
  if (users.length > 0) rules.unshift({ kind: 'users', users: [...new Set(users)] });
  if (rules.length === 0) {
    notes.push('no assignee in the BPMN: assigned to the initiator; set the rule');
    return { rule: { kind: 'initiator' }, notes, partial: true };
  }
  return { rule: rules.length === 1 ? rules[0]! : { kind: 'anyOf', rules }, notes, partial };
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The variable the none start event stores the initiator in (`camunda:initiator`). */
function initiatorVariable(ctx: ImportContext): string | undefined {
  for (const node of ctx.graph.nodes.values()) {
    if (node.type !== 'startEvent') continue;
    const v = vendorAttribute(ctx.graph, node.element, 'initiator');
    if (v) return v;
  }
  return undefined;
}

/** BPMN's own `potentialOwner` / `humanPerformer` expressions: `user(kermit)`, `group(management)`, `kermit`. */
function standardOwners(el: ModdleElement): string[] {
  const owners: string[] = [];
  for (const resource of (el.resources as ModdleElement[] | undefined) ?? []) {
    const body = (
      (resource.resourceAssignmentExpression as ModdleElement | undefined)?.expression as
        | ModdleElement
        | undefined
    )?.body as string | undefined;
    owners.push(...list(body));
  }
  return owners;
}

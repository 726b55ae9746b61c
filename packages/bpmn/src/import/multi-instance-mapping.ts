/**
 * Multi-instance user tasks → votes: parallel → 会签 (`all`), or `any` / `ratio` when the completion
 * condition says so (`nrOfCompletedInstances >= 1`, `nrOfCompletedInstances/nrOfInstances >= 0.6`);
 * sequential → 依次审批 (`sequential`). The collection becomes a case field holding the signers.
 */
import type { VotingDef } from '@flowform/engine/browser';
import type { BpmnNode } from '../graph/bpmn-graph';
import { vendorAttribute, zeebeAttribute } from '../graph/vendor-extensions';
import type { ModdleElement } from '../moddle/bpmn-io';
import { type ImportContext, needField } from './import-context';
import { expressionVariable, fieldName } from './names';

export interface MultiInstanceMapping {
  voting: VotingDef;
  collection?: { field: string; elementVariable?: string };
  notes: string[];
  partial: boolean;
}

export const APPROVE = 'approve';
export const REJECT = 'reject';

/** The vote a multi-instance task stands for; undefined for a task that is not multi-instance. */
export function mapMultiInstance(ctx: ImportContext, node: BpmnNode): MultiInstanceMapping | undefined {
  const loop = node.element.loopCharacteristics as ModdleElement | undefined;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const notes: string[] = [];
  let partial = false;
  const base = { rejectPolicy: 'veto' as const, approveOutcome: APPROVE, rejectOutcome: REJECT };
  let voting: VotingDef = { mode: loop.isSequential ? 'sequential' : 'all', ...base };
  const condition = (
    (loop.completionCondition as ModdleElement | undefined)?.body as string | undefined
  )?.trim();
  if (condition) {
    const mode = loop.isSequential ? undefined : completionMode(condition);
    if (mode) voting = { ...voting, ...mode };
    else {
      partial = true;
      notes.push(`completion condition '${condition}' not translated: the vote needs every signer`);
    }
  }
  const collectionText =
    vendorAttribute(ctx.graph, loop, 'collection') ??
    zeebeAttribute(ctx.graph, loop, 'loopCharacteristics', 'inputCollection');
  const elementVariable =
    vendorAttribute(ctx.graph, loop, 'elementVariable') ??
    zeebeAttribute(ctx.graph, loop, 'loopCharacteristics', 'inputElement');
  const field = collectionText
    ? (expressionVariable(collectionText) ?? fieldName(collectionText))
    : undefined;
  let collection: MultiInstanceMapping['collection'];
  if (field) {
    needField(ctx, field, 'array');
    collection = { field, ...(elementVariable ? { elementVariable } : {}) };
    notes.push(`signers from the case field '${field}' (a list of usernames)`);
  } else if (collectionText) {
    partial = true;
    notes.push(`collection '${collectionText}' not translated`);
  } else if (loop.loopCardinality) {
    partial = true;
    notes.push('a loop cardinality has no counterpart: the signers are whom the assignment names');
  }
  notes.push(
    `multi-instance → vote '${voting.mode}'${voting.ratio ? ` ${voting.ratio}` : ''} with outcomes approve/reject`,
  );
  return { voting, ...(collection ? { collection } : {}), notes, partial };
}

/** `any` / `ratio` from a completion condition over the instance counters, if it is one of those. */
function completionMode(text: string): Pick<VotingDef, 'mode' | 'ratio'> | undefined {
  const t = text
    .replace(/^[$#]\{([\s\S]*)\}$/, '$1')
    .replace(/^=/, '')
    .replace(/\s+/g, '');
  if (/^nrOfCompletedInstances(>=1|==1|>0|=1)$/.test(t)) return { mode: 'any' };
  const ratio = /^nrOfCompletedInstances\/nrOfInstances>=(\d*\.?\d+)$/.exec(t);
  if (ratio) {
    const value = Number(ratio[1]);
    if (value >= 1) return { mode: 'all' };
    if (value > 0) return { mode: 'ratio', ratio: value };
  }
  return undefined;
}

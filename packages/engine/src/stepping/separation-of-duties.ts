/**
 * The step's one separation-of-duties check: every task operation (claim, complete, vote, transfer,
 * delegate, add/remove signer, return, withdraw, CC) refuses an acting person the task's `excludes`
 * keep off it, and the people-moving ones (transfer, delegate, add signer, CC) also a person they
 * would reach. One code, `separation-of-duties`, with a sentence in the step's locale and both
 * languages in the details.
 */
import type { Exclusion, LocalizedText } from '../definition/definition-types';
import { type CompiledDefinition, taskDef } from './compiled-definition';
import { exclusionOf } from './exclusions';
import type { StepWork } from './step-context';
import { StepError } from './step-error';

/** A person a command reaches, with where the command names them (`/to`, `/users/1`). */
export interface ReachedPerson {
  user: string;
  path: string;
}

/** What a `separation-of-duties` refusal carries besides its message. */
export interface SeparationRefusal {
  user: string;
  /** `/to`, `/users/N` for a person the command would reach; absent for the acting person. */
  path?: string;
  stateId: string;
  exclusion: Exclusion;
  message: LocalizedText;
}

function stateName(compiled: CompiledDefinition, stateId: string): LocalizedText {
  const info = compiled.index.get(stateId);
  return info?.def.task?.title ?? info?.def.name ?? { 'zh-CN': stateId, en: stateId };
}

function because(compiled: CompiledDefinition, rule: Exclusion): LocalizedText {
  switch (rule.kind) {
    case 'initiator':
      return { 'zh-CN': '是本案发起人', en: 'started this case' };
    case 'field':
      return {
        'zh-CN': `由本案字段「${rule.field}」列明`,
        en: `is named in this case's field "${rule.field}"`,
      };
    case 'performerOf': {
      const name = stateName(compiled, rule.state);
      return { 'zh-CN': `办理过本案「${name['zh-CN']}」`, en: `performed "${name.en}" in this case` };
    }
    case 'holderOf': {
      const name = stateName(compiled, rule.state);
      return { 'zh-CN': `正在办理本案「${name['zh-CN']}」`, en: `holds "${name.en}" in this case` };
    }
  }
}

/**
 * Why `rule` keeps a person off the task of `stateId`, as a sentence in both languages: addressed to
 * the person (`you …`) or, given `user`, about someone a command would reach.
 */
export function separationSentence(
  compiled: CompiledDefinition,
  stateId: string,
  rule: Exclusion,
  user?: string,
): LocalizedText {
  const task = stateName(compiled, stateId);
  const why = because(compiled, rule);
  return user === undefined
    ? {
        'zh-CN': `不相容职责分离：您${why['zh-CN']}，不得办理「${task['zh-CN']}」。`,
        en: `Separation of duties: you ${why.en}, so you may not act on "${task.en}".`,
      }
    : {
        'zh-CN': `不相容职责分离：「${user}」${why['zh-CN']}，不得办理「${task['zh-CN']}」。`,
        en: `Separation of duties: "${user}" ${why.en}, so they may not act on "${task.en}".`,
      };
}

function refusal(work: StepWork, stateId: string, user: string, rule: Exclusion, path?: string): StepError {
  const actor = path === undefined;
  const message = separationSentence(work.compiled, stateId, rule, actor ? undefined : user);
  const details: SeparationRefusal = { user, stateId, exclusion: rule, message, ...(actor ? {} : { path }) };
  return new StepError('separation-of-duties', message[work.opts.locale], details);
}

/**
 * Refuses the command when the acting person, or one of the `reached` people, is kept off the task
 * of any of `stateIds` by its exclusions. The system actor is never refused.
 */
export function requireSeparation(
  work: StepWork,
  stateIds: readonly string[],
  reached: ReachedPerson[] = [],
): void {
  const actor = work.opts.actor;
  for (const stateId of new Set(stateIds)) {
    const def = taskDef(work.compiled, stateId);
    if (!def.excludes?.length) continue;
    if (!actor.system) {
      const rule = exclusionOf(work.snap, def, actor.username);
      if (rule) throw refusal(work, stateId, actor.username, rule);
    }
    for (const { user, path } of reached) {
      const rule = exclusionOf(work.snap, def, user);
      if (rule) throw refusal(work, stateId, user, rule, path);
    }
  }
}

/** `users` as the people a command's `users` list reaches. */
export function reachedUsers(users: readonly string[]): ReachedPerson[] {
  return users.map((user, i) => ({ user, path: `/users/${i}` }));
}

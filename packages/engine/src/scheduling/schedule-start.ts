/**
 * The start data of a scheduled case: the schedule's CEL over `now` (the fire time) and `people`
 * (the directory's active users: username, name, roles, units). With `forEach`, one case per element
 * of the list it yields, `item` being the element; without it, one case.
 */
import type { DirectorySeed } from '../assignment';
import type { ProcessDefinition, ScheduleDef } from '../definition/definition-types';
import { type CelEnvironment, createCelEnvironment } from '../expressions';

/** A directory user as schedule expressions see them. */
export interface SchedulePerson {
  username: string;
  name: string;
  roles: string[];
  units: string[];
}

const environments = new WeakMap<ProcessDefinition, CelEnvironment>();

/** The environment schedule expressions are checked and run in: the case's, plus `people`. */
export function scheduleEnvironment(definition: ProcessDefinition): CelEnvironment {
  let env = environments.get(definition);
  if (!env) {
    const parameters = Object.fromEntries(
      Object.entries(definition.parameters ?? {}).map(([k, p]) => [k, p.value]),
    );
    env = createCelEnvironment({
      caseSchema: definition.caseSchema,
      parameters,
      people: true,
    });
    environments.set(definition, env);
  }
  return env;
}

/** The directory's active users, sorted by username, as `people`. */
export function schedulePeople(seed: DirectorySeed): SchedulePerson[] {
  return seed.users
    .filter((u) => !u.disabled)
    .map((u) => {
      const held = seed.memberships.filter((m) => m.username === u.username);
      return {
        username: u.username,
        name: u.displayName['zh-CN'],
        roles: [...new Set(held.map((m) => m.role))],
        units: [...new Set(held.map((m) => m.unit))],
      };
    })
    .sort((a, b) => a.username.localeCompare(b.username));
}

/** The data of each case one fire starts (at least one map; `forEach` over an empty list starts none). */
export function scheduleStartData(
  definition: ProcessDefinition,
  schedule: ScheduleDef,
  fireAt: string,
  people: SchedulePerson[],
): Record<string, unknown>[] {
  const env = scheduleEnvironment(definition);
  const vars = { data: {}, now: fireAt, people };
  const forEach = schedule.start?.forEach;
  const items = forEach ? env.compile(forEach).evaluate(vars) : [undefined];
  if (!Array.isArray(items)) throw new TypeError(`schedule '${schedule.id}': forEach must yield a list`);
  const itemEnv = forEach ? env.forEachItem(forEach) : env;
  return items.map((item) => {
    const data: Record<string, unknown> = {};
    for (const [field, source] of Object.entries(schedule.start?.data ?? {})) {
      const value = itemEnv.compile(source).evaluate({ ...vars, item });
      if (value !== undefined && value !== null) data[field] = value;
    }
    return data;
  });
}

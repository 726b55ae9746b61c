import type { Directory } from '../assignment';
import type { ActionRef, AssignmentRule, ProcessDefinition } from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';
import { type FlowEdge, reachable, successors, transitionAt } from './flow-graph';
import { type LintContext, type ProblemList, statePointer } from './lint-types';

/** Roles that open every case that is not confidential (the engine's `caseVisibility`). */
const OPEN_READER_ROLES = ['administrator', 'districtLeader'];

/**
 * `notify-audience-cannot-read`: everyone a `notify` action tells about the case must be able to
 * open it, or the message leads to a 404. A rule of the audience passes when it names people who
 * keep the case open: the initiator, a state's performers, people the definition lets read it
 * (`confidential.alsoVisibleTo`, a reader expression naming the field; administrators and district
 * leaders when it is not confidential), or exactly the people a task is assigned to that comes
 * before the notification on some path or is entered with it (later tasks do not count: their
 * people may not open the case yet). With a directory, a role or a list of
 * users also passes when every person it names today is such a reader; without one, those two
 * kinds are not judged.
 */
export function checkNotifyAudiences(
  def: ProcessDefinition,
  index: StateIndex,
  edges: FlowEdge[],
  ctx: LintContext,
  problems: ProblemList,
): void {
  const readers = readerRules(def);
  const next = successors(index, edges, false);
  const tasks = [...index].flatMap(([id, info]) =>
    info.def.task ? [{ id, rules: flatten(info.def.task.assignment), after: reachable(next, [id]) }] : [],
  );
  const within = (id: string, state: string) => id === state || id.startsWith(`${state}.`);
  /**
   * The people who take part when the message goes out: those assigned a task on the way to the
   * notifying state (`from`: they held or did it) or in the state entered (`to`: they hold it now).
   */
  const takingPart = (from: string, to: string | undefined) =>
    tasks
      .filter(
        (t) =>
          (to !== undefined && within(t.id, to)) ||
          within(t.id, from) ||
          [...t.after].some((reached) => within(reached, from)),
      )
      .flatMap((t) => t.rules);
  const confidential = def.confidential?.enabled === true;
  const readable = (leaf: AssignmentRule, takePart: AssignmentRule[]): boolean => {
    if (leaf.kind === 'initiator' || leaf.kind === 'performerOf') return true;
    const known = [...readers, ...takePart].map((r) => JSON.stringify(r));
    if (known.includes(JSON.stringify(leaf))) return true;
    if (leaf.kind === 'field' && readers.some((r) => r.kind === 'cel' && namesField(r.expr, leaf.field)))
      return true;
    if (!confidential && leaf.kind === 'role' && OPEN_READER_ROLES.includes(leaf.role)) return true;
    const dir = ctx.directory;
    // Who holds a role in a fixed unit, or whether a listed user reads, only the directory knows:
    // without one such a leaf is not reported (a false alarm would block a sound process).
    if (!dir) return leaf.kind === 'role' || leaf.kind === 'users';
    const people = namedPeople(leaf, dir);
    if (!people) return false;
    const named = new Set([...readers, ...takePart].flatMap((r) => namedPeople(r, dir) ?? []));
    return people.every(
      (u) =>
        named.has(u) || (!confidential && dir.rolesOf(u).some((r) => OPEN_READER_ROLES.includes(r.role))),
    );
  };
  const seen = new Set<string>();
  const check = (list: ActionRef[] | undefined, pointer: string, from: string, to: string | undefined) => {
    if (!Array.isArray(list) || seen.has(pointer)) return;
    seen.add(pointer);
    const takePart = takingPart(from, to);
    list.forEach((action, i) => {
      if (action?.type !== 'notify') return;
      const target = (action.params as { to?: AssignmentRule } | undefined)?.to;
      if (!target || typeof target !== 'object') return;
      for (const leaf of flatten(target)) {
        if (readable(leaf, takePart)) continue;
        problems.error(
          'notify-audience-cannot-read',
          `${pointer}/${i}/params/to`,
          `The notification tells ${describe(leaf)} about a case they may not open`,
          'Notify people who take part in the case, or let them read it (confidential.alsoVisibleTo)',
        );
      }
    });
  };
  for (const [id, info] of index) {
    check(info.def.entry, `${statePointer(id)}/entry`, id, id);
    check(info.def.exit, `${statePointer(id)}/exit`, id, undefined);
  }
  for (const edge of edges) {
    if (edge.kind === 'return') continue;
    check(transitionAt(def, edge.pointer)?.actions, `${edge.pointer}/actions`, edge.from, edge.target);
  }
}

/** The rules naming who may read the case beyond its participants, `anyOf` opened. */
function readerRules(def: ProcessDefinition): AssignmentRule[] {
  return (def.confidential?.alsoVisibleTo ?? []).flatMap(flatten);
}

/** Whether a CEL source reads the case field (`data.<field>`): a reader expression naming it covers it. */
function namesField(expr: unknown, field: string): boolean {
  if (typeof expr !== 'string' || typeof field !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(field))
    return false;
  return new RegExp(`\\bdata\\.${field}\\b`).test(expr);
}

/** The leaves of a rule (`anyOf` opened); odd input the format check let through names nobody. */
function flatten(rule: AssignmentRule): AssignmentRule[] {
  if (typeof rule !== 'object' || rule === null) return [];
  if (rule.kind !== 'anyOf') return [rule];
  return Array.isArray(rule.rules) ? rule.rules.flatMap(flatten) : [];
}

/** The people a rule names regardless of the case (a role in a fixed unit, a list), or undefined. */
function namedPeople(rule: AssignmentRule, directory: Directory): string[] | undefined {
  if (rule.kind === 'role' && typeof rule.role === 'string' && typeof rule.unit === 'string')
    return directory.holders(rule.role, rule.unit);
  if (rule.kind === 'users' && Array.isArray(rule.users)) return rule.users;
  return undefined;
}

function describe(rule: AssignmentRule): string {
  if (rule.kind === 'role') return `the ${rule.role} of ${rule.unit}`;
  if (rule.kind === 'roleInCaseUnit') return `the ${rule.role} of the case's unit`;
  if (rule.kind === 'field') return `the person in field '${rule.field}'`;
  if (rule.kind === 'users') return `users ${String(rule.users)}`;
  return `the people of rule '${rule.kind}'`;
}

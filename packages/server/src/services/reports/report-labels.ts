import type { ReportDashboard } from '@flowform/api';
import type { InMemoryDirectory, LocalizedText, StateDef } from '@flowform/engine';
import type { ServerContext } from '../../server-context';

type Labels = ReportDashboard['labels'];

/**
 * Names for what the figures list, from each process's latest version and the directory: a step by
 * its task title (or state name), under both its id and its dotted path.
 */
export async function reportLabels(
  ctx: ServerContext,
  directory: InMemoryDirectory,
  used: { processes: Set<string>; units: Set<string>; people: Set<string> },
): Promise<Labels> {
  const labels: Labels = { processes: {}, states: {}, units: {}, people: {} };
  for (const key of used.processes) {
    const version = await ctx.runtime.definitions.latestVersion(key);
    if (version === undefined) continue;
    const { definition } = await ctx.runtime.definitions.get(key, version);
    labels.processes[key] = definition.name;
    collectStates(definition.machine.states, '', (id, name) => {
      labels.states[`${key}/${id}`] = name;
    });
  }
  for (const id of used.units) {
    const unit = directory.unit(id);
    if (unit) labels.units[id] = unit.name;
  }
  for (const username of used.people) {
    const user = directory.user(username);
    if (user) labels.people[username] = user.displayName;
  }
  return labels;
}

function collectStates(
  states: Record<string, StateDef> | undefined,
  prefix: string,
  put: (id: string, name: LocalizedText) => void,
): void {
  for (const [id, state] of Object.entries(states ?? {})) {
    const name = state.task?.title ?? state.name;
    if (name) {
      put(id, name);
      if (prefix) put(`${prefix}${id}`, name);
    }
    collectStates(state.states, `${prefix}${id}.`, put);
  }
}

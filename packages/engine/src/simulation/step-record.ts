/** How a simulated step is written down, and how a simulated case is started. */
import { resolveAssignment } from '../assignment';
import type { Actor, Command } from '../stepping/commands';
import type { Effect } from '../stepping/effects';
import type { CoverageTracker } from './coverage';
import { formSamples } from './form-samples';
import { type Applied, activeStates, person, type SimContext, taskViews } from './sim-context';
import type { SimAction, SimStep } from './simulation-types';

/** Records coverage for an applied command and describes it as a step of the report. */
export function describeStep(
  ctx: SimContext,
  coverage: CoverageTracker,
  applied: Applied,
  action: SimAction,
  at: number,
  returned?: { from: string; target: string },
): SimStep {
  const snap = applied.snapshot;
  const transitions = coverage.record(activeStates(snap.machine.value, false), applied.traced, returned);
  return {
    action,
    at: new Date(at).toISOString(),
    states: activeStates(snap.machine.value, true),
    tasks: snap.status === 'running' ? taskViews(ctx, snap) : [],
    transitions,
    effects: effectNotes(applied.effects),
    status: snap.status,
    next: [],
  };
}

/** The first user the starters rule allows for this start data. */
export function starterFor(ctx: SimContext, data: Record<string, unknown>): string | undefined {
  const rule = ctx.original.definition.starters;
  const resolution = resolveAssignment(
    rule,
    { directory: ctx.directory, data, initiator: '', performers: {}, evalCel: () => [] },
    'skip',
  );
  if (resolution.kind === 'skip') return undefined;
  const users = [
    ...resolution.candidates.users,
    ...resolution.candidates.roles.flatMap((r) => ctx.directory.holders(r.role, r.unit)),
  ];
  return users.sort()[0];
}

/** Start commands: the plain start-form sample and its variants, each with a permitted starter. */
export function startVariants(ctx: SimContext, given?: { user?: string; data?: Record<string, unknown> }) {
  const def = ctx.original.definition;
  const form = def.startForm ? ctx.bundle.forms[def.startForm] : undefined;
  const samples = given?.data
    ? [{ data: given.data }]
    : form
      ? formSamples(form, {}, ctx.facts, ctx.catalogue)
      : [{ data: {} }];
  const out: { command: Command; actor: Actor; action: SimAction }[] = [];
  samples.forEach(({ data, note }, variant) => {
    const user = given?.user ?? starterFor(ctx, data);
    if (!user) return;
    const command: Command = { type: 'start', instanceId: `sim-${variant + 1}`, data };
    const action: SimAction = {
      kind: 'start',
      user: person(ctx, user),
      variant,
      ...(note ? { sample: note } : {}),
    };
    out.push({ command, actor: { username: user }, action });
  });
  return out;
}

/** Short descriptions of a step's effects: child cases, directory changes, messages. */
function effectNotes(effects: Effect[]): string[] {
  const notes: string[] = [];
  for (const e of effects) {
    if (e.type === 'startChild') notes.push(`startChild ${e.process} ${JSON.stringify(e.data)}`);
    else if (e.type === 'directoryChange') notes.push(`directoryChange ${e.role}@${e.unit} = ${e.user}`);
    else if (e.type === 'notify' && e.kind === 'message') notes.push(`notify ${e.users.join(',')}`);
  }
  return notes;
}

import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';

/** An action XState asks to run; we interpret it ourselves instead of executing it. */
export type Executable = { type: string; params?: unknown };

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * XState's exported `transition()` builds a throw-away actor (and the machine's initial snapshot)
 * on every call, which costs ~35 µs. The actor scope is inert for our machines (no spawned or
 * invoked XState actors), so we capture one per machine and reuse it; actions are still collected,
 * never executed. Same semantics as `transition()`/`initialTransition()`, a fraction of the cost.
 */
function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (scope) return scope;
  const probe = Object.create(machine) as AnyStateMachine;
  probe.transition = ((snapshot: AnyMachineSnapshot, _event: unknown, actorScope: AnyActorScope) => {
    scope = actorScope;
    return snapshot;
  }) as AnyStateMachine['transition'];
  const initial = machine.resolveState({ value: machine.config.initial as string, context: {} } as never);
  transition(probe, initial, { type: 'ff.capture-scope' });
  scopes.set(machine, scope!);
  return scope!;
}

function collecting<T>(machine: AnyStateMachine, run: (scope: AnyActorScope) => T): [T, Executable[]] {
  const scope = scopeOf(machine);
  const actions: Executable[] = [];
  const previous = scope.actionExecutor;
  scope.actionExecutor = (action) => {
    actions.push(action as Executable);
  };
  try {
    return [run(scope), actions];
  } finally {
    scope.actionExecutor = previous;
  }
}

/** Pure transition: next snapshot and the actions to interpret, none executed. */
export function pureTransition(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: { type: string },
): [AnyMachineSnapshot, Executable[]] {
  return collecting(
    machine,
    (scope) => machine.transition(snapshot, event as never, scope) as AnyMachineSnapshot,
  );
}

/** Pure initial transition for a new case. */
export function pureInitialTransition(
  machine: AnyStateMachine,
  input: unknown,
): [AnyMachineSnapshot, Executable[]] {
  return collecting(machine, (scope) => machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot);
}

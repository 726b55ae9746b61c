/**
 * A command stack in the style of diagram-js: every edit is a named command whose handler applies
 * primitive ops; behaviours registered for a command run before or after it and may execute more
 * commands, all recorded in the same undo unit. Undo reverts a unit by applying the recorded
 * inverses in reverse order; redo re-applies the recorded ops.
 *
 * The stack is typed by a command map `M` (command name → its params): registering, executing and
 * hooking a behaviour onto a name the map lacks, or with params of another shape, does not compile.
 */
import { applyOp, type Op } from './json-ops';

/** The command names of a command map. */
export type CommandName<M> = keyof M & string;

/** What a handler or behaviour sees while its command runs. */
export interface CommandContext<D, M, K extends CommandName<M>> {
  readonly command: K;
  /** The command's params; a handler may write its results here (`created`), as diagram-js does. */
  readonly params: M[K];
  /** The document as it is now (after the ops applied so far). */
  readonly doc: D;
  /** Applies one primitive op and records it for undo. */
  apply(op: Op): void;
  /** Executes another command inside the same undo unit. */
  execute<C extends CommandName<M>>(command: C, params: M[C]): void;
}

export interface CommandHandler<D, M, K extends CommandName<M>> {
  /** Refuses a command that cannot run (the stack throws CommandError) before anything changes. */
  canExecute?(doc: D, params: M[K]): string | undefined;
  execute(ctx: CommandContext<D, M, K>): void;
}

export type Behaviour<D, M, K extends CommandName<M>> = (ctx: CommandContext<D, M, K>) => void;

/** One handler for every command of the map: a command without one does not compile. */
export type HandlerTable<D, M> = { [K in CommandName<M>]: CommandHandler<D, M, K> };

/** A refused command: nothing was changed. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

interface Recorded {
  op: Op;
  inverse: Op;
}

/** One undo step: a command with everything its behaviours did. */
interface UndoUnit {
  ops: Recorded[];
}

type AnyHandler<D> = CommandHandler<D, Record<string, unknown>, string>;
type AnyBehaviour<D> = Behaviour<D, Record<string, unknown>, string>;

export class CommandStack<D, M extends object> {
  private current: D;
  private readonly handlers: ReadonlyMap<string, AnyHandler<D>>;
  private readonly pre = new Map<string, AnyBehaviour<D>[]>();
  private readonly post = new Map<string, AnyBehaviour<D>[]>();
  private readonly undoUnits: UndoUnit[] = [];
  private readonly redoUnits: UndoUnit[] = [];
  private recording: UndoUnit | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(doc: D, handlers: HandlerTable<D, M>) {
    this.current = doc;
    this.handlers = new Map(Object.entries(handlers) as [string, AnyHandler<D>][]);
  }

  get doc(): D {
    return this.current;
  }

  /** Adds a behaviour that runs before (`pre`) or after (`post`) every execution of `command`. */
  on<K extends CommandName<M>>(command: K, phase: 'pre' | 'post', behaviour: Behaviour<D, M, K>): void {
    const table = phase === 'pre' ? this.pre : this.post;
    table.set(command, [...(table.get(command) ?? []), behaviour as unknown as AnyBehaviour<D>]);
  }

  commands(): CommandName<M>[] {
    return ([...this.handlers.keys()] as CommandName<M>[]).sort();
  }

  /** Runs a command; a failure anywhere rolls the whole unit back and rethrows. */
  execute<K extends CommandName<M>>(command: K, params: M[K]): void {
    this.run(command, params);
  }

  canUndo(): boolean {
    return this.undoUnits.length > 0;
  }

  canRedo(): boolean {
    return this.redoUnits.length > 0;
  }

  undo(): void {
    const unit = this.undoUnits.pop();
    if (!unit) return;
    for (let i = unit.ops.length - 1; i >= 0; i--)
      this.current = applyOp(this.current, unit.ops[i]!.inverse).doc as D;
    this.redoUnits.push(unit);
    this.emit();
  }

  redo(): void {
    const unit = this.redoUnits.pop();
    if (!unit) return;
    for (const r of unit.ops) this.current = applyOp(this.current, r.op).doc as D;
    this.undoUnits.push(unit);
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `execute` past the map's types: handlers and behaviours were checked against it when registered. */
  private run(command: string, params: unknown): void {
    const handler = this.handlers.get(command);
    if (!handler) throw new Error(`Unknown command '${command}'`);
    const refusal = handler.canExecute?.(this.current, params);
    if (refusal) throw new CommandError(refusal);
    const outer = !this.recording;
    const unit: UndoUnit = this.recording ?? { ops: [] };
    this.recording = unit;
    const mark = unit.ops.length;
    try {
      const ctx = this.context(command, params, unit);
      for (const b of this.pre.get(command) ?? []) b(ctx);
      handler.execute(ctx);
      for (const b of this.post.get(command) ?? []) b(ctx);
    } catch (error) {
      this.rollback(unit, mark);
      if (outer) this.recording = undefined;
      throw error;
    }
    if (!outer) return;
    this.recording = undefined;
    if (unit.ops.length === 0) return;
    this.undoUnits.push(unit);
    this.redoUnits.length = 0;
    this.emit();
  }

  private context(
    command: string,
    params: unknown,
    unit: UndoUnit,
  ): CommandContext<D, Record<string, unknown>, string> {
    const stack = this;
    return {
      command,
      params,
      get doc() {
        return stack.current;
      },
      apply(op) {
        const { doc, inverse } = applyOp(stack.current, op);
        stack.current = doc as D;
        unit.ops.push({ op, inverse });
      },
      execute(next, nextParams) {
        stack.run(next, nextParams);
      },
    };
  }

  private rollback(unit: UndoUnit, mark: number): void {
    while (unit.ops.length > mark) this.current = applyOp(this.current, unit.ops.pop()!.inverse).doc as D;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

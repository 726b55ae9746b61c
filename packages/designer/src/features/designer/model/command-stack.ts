/**
 * A command stack in the style of diagram-js: every edit is a named command whose handler applies
 * primitive ops; behaviours registered for a command run before or after it and may execute more
 * commands, all recorded in the same undo unit. Undo reverts a unit by applying the recorded
 * inverses in reverse order; redo re-applies the recorded ops.
 */
import { applyOp, type Op } from './json-ops';

/** What a handler or behaviour sees while its command runs. */
export interface CommandContext<D, P> {
  readonly command: string;
  readonly params: P;
  /** The document as it is now (after the ops applied so far). */
  readonly doc: D;
  /** Applies one primitive op and records it for undo. */
  apply(op: Op): void;
  /** Executes another command inside the same undo unit. */
  execute<Q>(command: string, params: Q): void;
}

export interface CommandHandler<D, P> {
  /** Refuses a command that cannot run (throws CommandError) before anything changes. */
  canExecute?(doc: D, params: P): string | undefined;
  execute(ctx: CommandContext<D, P>): void;
}

export type Behaviour<D, P> = (ctx: CommandContext<D, P>) => void;

/** A refused command: nothing was changed. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

interface Recorded {
  command: string;
  params: unknown;
  op: Op;
  inverse: Op;
}

/** One undo step: a command with everything its behaviours did. */
export interface UndoUnit {
  command: string;
  params: unknown;
  ops: Recorded[];
}

export class CommandStack<D> {
  private current: D;
  private readonly handlers = new Map<string, CommandHandler<D, never>>();
  private readonly pre = new Map<string, Behaviour<D, never>[]>();
  private readonly post = new Map<string, Behaviour<D, never>[]>();
  private readonly undoUnits: UndoUnit[] = [];
  private readonly redoUnits: UndoUnit[] = [];
  private recording: UndoUnit | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(doc: D) {
    this.current = doc;
  }

  get doc(): D {
    return this.current;
  }

  register<P>(command: string, handler: CommandHandler<D, P>): void {
    if (this.handlers.has(command)) throw new Error(`Command '${command}' is registered twice`);
    this.handlers.set(command, handler as CommandHandler<D, never>);
  }

  /** Adds a behaviour that runs before (`pre`) or after (`post`) every execution of `command`. */
  on<P>(command: string, phase: 'pre' | 'post', behaviour: Behaviour<D, P>): void {
    const table = phase === 'pre' ? this.pre : this.post;
    table.set(command, [...(table.get(command) ?? []), behaviour as Behaviour<D, never>]);
  }

  commands(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Runs a command; a failure anywhere rolls the whole unit back and rethrows. */
  execute<P>(command: string, params: P): void {
    const handler = this.handlers.get(command) as CommandHandler<D, P> | undefined;
    if (!handler) throw new Error(`Unknown command '${command}'`);
    const refusal = handler.canExecute?.(this.current, params);
    if (refusal) throw new CommandError(refusal);
    const outer = !this.recording;
    const unit: UndoUnit = this.recording ?? { command, params, ops: [] };
    this.recording = unit;
    const mark = unit.ops.length;
    try {
      const ctx = this.context(command, params, unit);
      for (const b of (this.pre.get(command) ?? []) as Behaviour<D, P>[]) b(ctx);
      handler.execute(ctx);
      for (const b of (this.post.get(command) ?? []) as Behaviour<D, P>[]) b(ctx);
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

  canUndo(): boolean {
    return this.undoUnits.length > 0;
  }

  canRedo(): boolean {
    return this.redoUnits.length > 0;
  }

  /** The name of the command the next undo would revert. */
  peekUndo(): string | undefined {
    return this.undoUnits.at(-1)?.command;
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

  /** Replaces the document and forgets the history (opening another definition). */
  reset(doc: D): void {
    this.current = doc;
    this.undoUnits.length = 0;
    this.redoUnits.length = 0;
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private context<P>(command: string, params: P, unit: UndoUnit): CommandContext<D, P> {
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
        unit.ops.push({ command, params, op, inverse });
      },
      execute(next, nextParams) {
        stack.execute(next, nextParams);
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

/** Something a user's open event streams should hear about. */
export interface LiveEvent {
  type: 'task.created' | 'task.done' | 'task.urged' | 'case.changed' | 'notification' | 'server.closing';
  instanceId?: string;
  taskId?: string;
  data?: Record<string, unknown>;
}

type Listener = (event: LiveEvent) => void;

/**
 * In-process fan-out of live events to each user's SSE streams. Each server process tells its own
 * listeners; with several processes behind a balancer a client reconnecting elsewhere re-reads its
 * inbox, so nothing is lost, only late.
 */
export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly maxPerUser: number;

  constructor(options: { maxPerUser?: number } = {}) {
    this.maxPerUser = options.maxPerUser ?? 10;
  }

  /** Registers a listener; returns the function that removes it. Refuses beyond the per-user cap. */
  subscribe(username: string, listener: Listener): (() => void) | undefined {
    const set = this.listeners.get(username) ?? new Set<Listener>();
    if (set.size >= this.maxPerUser) return undefined;
    set.add(listener);
    this.listeners.set(username, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(username);
    };
  }

  /** Of the given users, those with an open stream here (a live event for nobody costs no query). */
  listening(users: Iterable<string>): string[] {
    if (this.listeners.size === 0) return [];
    return [...new Set(users)].filter((user) => this.listeners.has(user));
  }

  /** Whether any stream is open in this process. */
  get anyone(): boolean {
    return this.listeners.size > 0;
  }

  /** Sends an event to every stream of each user. */
  publish(users: Iterable<string>, event: LiveEvent): void {
    for (const user of new Set(users)) {
      for (const listener of this.listeners.get(user) ?? []) listener(event);
    }
  }

  /** Tells every open stream to end (graceful shutdown). */
  closeAll(): void {
    for (const set of [...this.listeners.values()])
      for (const listener of [...set]) listener({ type: 'server.closing' });
  }

  /** How many streams are open (health, tests). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

/** A live update from `GET /api/events` (SSE), or `resync` after the stream (re)connects. */
export interface LiveEvent {
  type: 'task.created' | 'task.done' | 'task.urged' | 'case.changed' | 'notification' | 'resync';
  instanceId?: string;
  taskId?: string;
}

type Listener = (event: LiveEvent) => void;

const TYPES = ['task.created', 'task.done', 'task.urged', 'case.changed', 'notification'] as const;

/**
 * One event stream per tab, shared by every screen. The browser reconnects by itself after a
 * network drop; when the server refused the stream (closed state) we retry with backoff. Each
 * (re)connection announces `resync`, so lists re-read what they may have missed.
 */
export class LiveEvents {
  private source: EventSource | undefined;
  private readonly listeners = new Set<Listener>();
  private retry: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;

  constructor(private readonly url = '/api/events') {}

  start(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource(this.url, { withCredentials: true });
    this.source = source;
    source.addEventListener('ready', () => {
      this.attempts = 0;
      this.emit({ type: 'resync' });
    });
    for (const type of TYPES) {
      source.addEventListener(type, (message) => this.emit(parse(type, (message as MessageEvent).data)));
    }
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return;
      this.source = undefined;
      const delay = Math.min(60_000, 1000 * 2 ** this.attempts++);
      this.retry = setTimeout(() => this.start(), delay);
    };
  }

  stop(): void {
    clearTimeout(this.retry);
    this.source?.close();
    this.source = undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: LiveEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function parse(type: LiveEvent['type'], data: unknown): LiveEvent {
  try {
    const body = JSON.parse(String(data)) as Record<string, unknown>;
    return {
      type,
      ...(typeof body.instanceId === 'string' ? { instanceId: body.instanceId } : {}),
      ...(typeof body.taskId === 'string' ? { taskId: body.taskId } : {}),
    };
  } catch {
    return { type };
  }
}

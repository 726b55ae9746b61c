import type { Problem } from '@flowform/api';
import type { LintProblem, Locale } from '@flowform/engine/browser';

/** A field error as the server's validation reports it (`path` is a JSON pointer into the data). */
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

/** An RFC 9457 problem answered by the API, or a network failure (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors: ProblemFieldError[] = [],
    readonly retryAfter?: number,
    /** Lint problems of a refused publish (`lint-errors`), as the server found them. */
    readonly problems: LintProblem[] = [],
    /** The whole problem document, for extensions a screen reads (an import's `rowErrors`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

let locale: Locale = 'zh-CN';
let onUnauthenticated: (() => void) | undefined;

/** Server errors come back in the reader's language. */
export function setApiLocale(next: Locale): void {
  locale = next;
}

/** Called when a request finds the session gone (401), so the app can show the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** Request options: a JSON body, raw form data, an idempotency key for commands. */
export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (the login call itself). */
  quiet401?: boolean;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * One API call with the session cookie (HttpOnly, never read by script). Unsafe methods carry
 * `X-Requested-With`, which the server requires of cookie-authenticated writes (CSRF defence).
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (!SAFE.has(method)) headers['X-Requested-With'] = 'flowform';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Network error');
  }
  if (res.status === 204) return undefined as T;
  if (res.ok && !(res.headers.get('content-type') ?? '').includes('json')) {
    // An /api path the server does not route falls through to the web app's index.html.
    throw new ApiError(404, 'no-endpoint', 'Not found', `${method} ${path} is not served`);
  }
  const text = await res.text();
  const json = text ? safeParse(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && !options.quiet401) onUnauthenticated?.();
    throw toError(res.status, json);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toError(status: number, json: unknown): ApiError {
  const p = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const errors = Array.isArray(p.errors)
    ? p.errors.filter(
        (e): e is ProblemFieldError =>
          !!e && typeof e === 'object' && typeof (e as ProblemFieldError).message === 'string',
      )
    : [];
  return new ApiError(
    status,
    typeof p.code === 'string' ? p.code : `http-${status}`,
    typeof p.title === 'string' ? p.title : `HTTP ${status}`,
    typeof p.detail === 'string' ? p.detail : undefined,
    errors,
    typeof p.retryAfter === 'number' ? p.retryAfter : undefined,
    Array.isArray(p.problems)
      ? p.problems.filter(
          (x): x is LintProblem =>
            !!x &&
            typeof x === 'object' &&
            typeof (x as LintProblem).code === 'string' &&
            typeof (x as LintProblem).message === 'string',
        )
      : [],
    p,
  );
}

/** A fresh key for one user action, so a retried POST never runs twice. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

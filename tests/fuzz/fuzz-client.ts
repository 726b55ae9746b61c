/**
 * Sends fuzz requests to the app in-process (`app.request`), signed in as demo users, and checks
 * every answer against the document. Keeps one bearer token per user: a logout forgets it, and an
 * unexpected 401 signs in again and sends once more. An event stream is checked by its headers and
 * then cancelled, so the run never hangs on it.
 */

import type { FuzzReport } from './fuzz-report';
import { type FuzzRequest, type RequestBody, reproductionOf, urlOf } from './fuzz-request';
import { toJsonText } from './hostile-values';
import type { LiveObjects } from './live-objects';
import { type CheckResult, checkResponse } from './response-check';
import type { SchemaValidator } from './schema-validator';
import type { ServerErrorLog } from './server-error-log';

/** The part of a Hono app the client uses. */
export interface InProcessApp {
  request(input: Request): Response | Promise<Response>;
}

export interface Answer {
  status: number;
  check: CheckResult;
}

export interface FuzzClient {
  /** Sends, checks, records and harvests; undefined when no HTTP client could send the request. */
  send(req: FuzzRequest): Promise<Answer | undefined>;
}

const ORIGIN = 'http://localhost';

export function fuzzClient(deps: {
  app: InProcessApp;
  validator: SchemaValidator;
  report: FuzzReport;
  live: LiveObjects;
  /** Runs a send and collects the errors the server logged meanwhile: the cause of a 500. */
  capture?: ServerErrorLog['capture'];
}): FuzzClient {
  const tokens = new Map<string, string>();

  async function login(user: string): Promise<string> {
    const known = tokens.get(user);
    if (known) return known;
    const res = await deps.app.request(
      new Request(`${ORIGIN}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-address': `fuzz-${user}` },
        body: JSON.stringify({ username: user, password: 'flowform' }),
      }),
    );
    if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    tokens.set(user, token);
    return token;
  }

  async function build(req: FuzzRequest): Promise<Request | undefined> {
    const headers = new Headers();
    try {
      for (const [k, v] of Object.entries(req.headers)) headers.set(k, v);
      if (req.user && req.credentials === 'bearer')
        headers.set('authorization', `Bearer ${await login(req.user)}`);
      if (req.user && req.credentials === 'cookie')
        headers.set('cookie', `ff_session=${await login(req.user)}`);
      if (typeof req.credentials === 'object') headers.set(req.credentials.header, req.credentials.value);
      const body = encode(req.body, headers);
      return new Request(`${ORIGIN}${urlOf(req)}`, {
        method: req.op.method,
        headers,
        ...(body ? { body } : {}),
      });
    } catch (error) {
      if (error instanceof TypeError) return undefined;
      throw error;
    }
  }

  async function once(req: FuzzRequest): Promise<Answer | undefined> {
    const request = await build(req);
    if (!request) {
      deps.report.skip(req.op.id);
      return undefined;
    }
    const send = async () => deps.app.request(request);
    const [res, causes] = deps.capture ? await deps.capture(send) : [await send(), []];
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let text: string | undefined;
    if (mediaType === 'text/event-stream') await res.body?.cancel();
    else text = await res.text();
    const check = checkResponse(req.op, { status: res.status, mediaType, text }, deps.validator);
    if (check.failure?.kind === 'status-5xx' && causes.length > 0)
      check.failure.detail = [...new Set(causes)].join(' | ');
    deps.report.record(req.op.id, res.status, check, reproductionOf(req));
    const user = signedIn(req);
    deps.live.harvest({
      operation: req.op.id,
      user,
      params: req.params,
      status: res.status,
      json: check.json,
    });
    if (user && req.op.id === 'POST /api/auth/logout' && res.status === 204) tokens.delete(user);
    return { status: res.status, check };
  }

  return {
    async send(req) {
      const answer = await once(req);
      const user = signedIn(req);
      if (answer?.status === 401 && user && tokens.has(user)) {
        // A logout elsewhere (or an idempotent replay of one) ended this token: sign in and retry.
        tokens.delete(user);
        return once(req);
      }
      return answer;
    },
  };
}

/** The user a request is really signed in as (hostile credentials sign in nobody). */
function signedIn(req: FuzzRequest): string | undefined {
  return req.credentials === 'bearer' || req.credentials === 'cookie' ? req.user : undefined;
}

function encode(body: RequestBody | undefined, headers: Headers): BodyInit | undefined {
  if (!body) return undefined;
  if (body.kind === 'json') {
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return toJsonText(body.value);
  }
  if (body.kind === 'text') return body.text;
  const form = new FormData();
  for (const part of body.parts) {
    if ('filename' in part)
      form.append(part.name, new File([part.bytes], part.filename, { type: part.type }));
    else form.append(part.name, part.value);
  }
  return form;
}

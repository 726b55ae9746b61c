/**
 * One request the fuzzer sends, before it becomes a `Request`: the operation, path ids and query
 * pairs as URL text (already percent-encoded, so hostile bytes travel as they are), who sends it and
 * how, extra headers, the body, and what is hostile about it. Also its reproduction for the report.
 */
import type { Reproduction } from './fuzz-report';
import { toJsonText } from './hostile-values';
import type { Operation } from './openapi-operations';

export type MultipartPart =
  | { name: string; value: string }
  | { name: string; filename: string; type: string; bytes: Uint8Array<ArrayBuffer> };

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'multipart'; parts: MultipartPart[] };

/** How the request proves who sends it. */
export type Credentials = 'bearer' | 'cookie' | 'none' | { header: string; value: string };

export interface FuzzRequest {
  op: Operation;
  /** Path parameters as URL text. */
  params: Record<string, string>;
  /** Query pairs as URL text. */
  query: [string, string][];
  /** The demo user whose token is sent (with `bearer` or `cookie`). */
  user?: string;
  credentials: Credentials;
  headers: Record<string, string>;
  body?: RequestBody;
  /** What is hostile about the request; `valid` when nothing is. */
  mutation: string;
  /** A valid request sent at once with a hostile one (crowd-phase.ts): its 5xx is its own finding. */
  neighbour?: boolean;
}

/** Path and query as URL text. */
export function urlOf(req: FuzzRequest): string {
  const path = req.op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => req.params[name] ?? '');
  const query = req.query.map(([k, v]) => `${k}=${v}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** The request as a person would retype it (tokens left out: they are the user's). */
export function reproductionOf(req: FuzzRequest): Reproduction {
  const headers = { ...req.headers };
  if (typeof req.credentials === 'object') headers[req.credentials.header] = req.credentials.value;
  if (req.credentials === 'cookie') headers.cookie = 'ff_session=<token>';
  return {
    method: req.op.method,
    url: urlOf(req),
    user:
      req.credentials === 'bearer' || req.credentials === 'cookie' ? (req.user ?? 'anonymous') : 'anonymous',
    headers,
    ...(req.body ? { body: bodyText(req.body) } : {}),
    mutation: req.mutation,
    ...(req.neighbour ? { neighbour: true } : {}),
  };
}

function bodyText(body: RequestBody): string {
  if (body.kind === 'json') return toJsonText(body.value);
  if (body.kind === 'text') return JSON.stringify(body.text);
  return body.parts
    .map((p) =>
      'filename' in p
        ? `${p.name}=file(name=${JSON.stringify(p.filename)}, type=${JSON.stringify(p.type)}, ${p.bytes.length} bytes)`
        : `${p.name}=${JSON.stringify(p.value)}`,
    )
    .join('; ');
}

/**
 * The contract a response must keep: no 5xx; a status the operation documents; a media type
 * documented for that status (none: an empty body); a JSON body valid against the documented
 * schema; problem documents as `application/problem+json` whose `status` is the HTTP status.
 */
import type { Operation } from './openapi-operations';
import type { SchemaValidator } from './schema-validator';

/** What is wrong with a response. */
export type FailureKind =
  | 'status-5xx'
  | 'undocumented-status'
  | 'undocumented-content-type'
  | 'unexpected-body'
  | 'invalid-json'
  | 'schema-mismatch';

export interface CheckResult {
  /** The problem document's `code`, when the body is one. */
  problemCode?: string;
  /** The parsed JSON body, when there is one. */
  json?: unknown;
  failure?: { kind: FailureKind; detail: string };
}

/** The observed response: status, media type (parameters dropped) and body text (undefined: not read). */
export interface ObservedResponse {
  status: number;
  mediaType: string;
  text: string | undefined;
}

export function checkResponse(op: Operation, res: ObservedResponse, validator: SchemaValidator): CheckResult {
  const { json, parseError } = parse(res);
  const problemCode = problemCodeOf(json);
  const result = (failure?: CheckResult['failure']): CheckResult => ({
    ...(problemCode !== undefined ? { problemCode } : {}),
    ...(json !== undefined ? { json } : {}),
    ...(failure ? { failure } : {}),
  });
  if (res.status >= 500) return result({ kind: 'status-5xx', detail: `HTTP ${res.status}` });
  const documented = op.responses[String(res.status)] ?? op.responses.default;
  if (!documented) {
    const listed = Object.keys(op.responses).join(', ');
    return result({ kind: 'undocumented-status', detail: `HTTP ${res.status} (documented: ${listed})` });
  }
  const types = Object.keys(documented);
  if (types.length === 0) {
    return res.text
      ? result({ kind: 'unexpected-body', detail: `HTTP ${res.status} documents no body` })
      : result();
  }
  // OpenAPI media ranges: the exact type first, then `type/*`, then `*/*`.
  const schema =
    documented[res.mediaType] ?? documented[`${res.mediaType.split('/')[0]}/*`] ?? documented['*/*'];
  if (!schema) {
    const detail = `${res.mediaType || '(none)'} (documented: ${types.join(', ')})`;
    return result({ kind: 'undocumented-content-type', detail });
  }
  if (!/[/+]json$/.test(res.mediaType) || res.text === undefined) return result();
  if (parseError) return result({ kind: 'invalid-json', detail: parseError });
  const error = validator.firstError(schema, json);
  if (error) return result({ kind: 'schema-mismatch', detail: error });
  if (res.mediaType === 'application/problem+json' && (json as { status?: unknown }).status !== res.status) {
    return result({ kind: 'schema-mismatch', detail: `problem status differs from HTTP ${res.status}` });
  }
  return result();
}

function parse(res: ObservedResponse): { json?: unknown; parseError?: string } {
  if (!res.text || !/[/+]json$/.test(res.mediaType)) return {};
  try {
    return { json: JSON.parse(res.text) };
  } catch (error) {
    return { parseError: (error as Error).message };
  }
}

function problemCodeOf(json: unknown): string | undefined {
  const code = (json as { code?: unknown } | undefined)?.code;
  return json && typeof json === 'object' && typeof code === 'string' ? code : undefined;
}

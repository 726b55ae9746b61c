/**
 * One hostile change to a valid request, in any place the API reads data from: a path id, a query
 * value (cursors get cursors a list never handed out), an unknown query name, `Accept-Language`,
 * `Idempotency-Key`, the credentials, any node of a JSON body (replaced, removed, joined by an
 * unknown or prototype key), the whole body, its media type, or an upload's parts.
 */
import type { FuzzRequest, MultipartPart } from './fuzz-request';
import {
  deep,
  HOSTILE_AUTH,
  HOSTILE_CURSORS,
  HOSTILE_FILE_NAMES,
  HOSTILE_IDEMPOTENCY_KEYS,
  HOSTILE_LANGUAGES,
  HOSTILE_STRINGS,
  HOSTILE_URL_TEXT,
  hostileJson,
  toJsonText,
  urlText,
} from './hostile-values';
import type { Random } from './seeded-random';

interface Mutator {
  weight: number;
  applies: (req: FuzzRequest) => boolean;
  /** Changes the request; answers what it did. */
  apply: (req: FuzzRequest, random: Random) => string;
}

type Path = (string | number)[];

const hasJsonBody = (req: FuzzRequest) => req.body?.kind === 'json';
const sendsBody = (req: FuzzRequest) => req.op.method !== 'GET' && req.op.method !== 'HEAD';
const urlValue = (random: Random) =>
  random.chance(0.5) ? random.pick(HOSTILE_URL_TEXT) : urlText(random.pick(HOSTILE_STRINGS));
/** A path segment that keeps the request on its route: never empty, never a dot segment. */
const pathValue = (random: Random) => {
  const value = urlValue(random);
  return value === '' || /^(\.|%2e){1,2}$/i.test(value) ? `x${value}x` : value;
};

const MUTATORS: Mutator[] = [
  {
    weight: 3,
    applies: (req) => Object.keys(req.params).length > 0,
    apply(req, random) {
      const name = random.pick(Object.keys(req.params));
      req.params[name] = pathValue(random);
      return `path ${name} = ${req.params[name]}`;
    },
  },
  {
    weight: 3,
    applies: (req) => req.op.parameters.some((p) => p.in === 'query'),
    apply(req, random) {
      const name = random.pick(req.op.parameters.filter((p) => p.in === 'query')).name;
      const value = name === 'cursor' && random.chance(0.7) ? hostileCursor(random) : urlValue(random);
      req.query = [...req.query.filter(([k]) => k !== name), [name, value]];
      return `query ${name} = ${value}`;
    },
  },
  {
    weight: 1,
    applies: () => true,
    apply(req, random) {
      const name = random.pick(['__proto__', 'constructor', 'unexpected', 'a%5Bb%5D', 'limit', '%00']);
      req.query.push([name, urlValue(random)]);
      return `query adds ${name}`;
    },
  },
  {
    weight: 1,
    applies: () => true,
    apply(req, random) {
      req.headers['accept-language'] = random.pick(HOSTILE_LANGUAGES);
      return `Accept-Language = ${req.headers['accept-language']}`;
    },
  },
  {
    weight: 1,
    applies: (req) => req.op.method === 'POST',
    apply(req, random) {
      req.headers['idempotency-key'] = random.chance(0.4)
        ? 'fuzz-shared-key'
        : random.pick(HOSTILE_IDEMPOTENCY_KEYS);
      return `Idempotency-Key = ${req.headers['idempotency-key']}`;
    },
  },
  {
    weight: 1,
    applies: () => true,
    apply(req, random) {
      if (req.user && random.chance(0.4)) {
        req.credentials = 'cookie';
        return 'session cookie instead of bearer, no X-Requested-With';
      }
      req.credentials = random.chance(0.3) ? 'none' : random.pick(HOSTILE_AUTH);
      return typeof req.credentials === 'object' ? `${req.credentials.header} is hostile` : 'no credentials';
    },
  },
  {
    weight: 6,
    applies: hasJsonBody,
    apply(req, random) {
      const body = req.body as { kind: 'json'; value: unknown };
      const path = random.pick(
        nodes(body.value)
          .filter((p) => p.length > 0)
          .concat([[]]),
      );
      const value = hostileJson(random);
      body.value = setAt(body.value, path, value);
      return `body ${pointer(path)} = ${preview(value)}`;
    },
  },
  {
    weight: 2,
    applies: (req) => hasJsonBody(req) && nodes((req.body as { value: unknown }).value).length > 1,
    apply(req, random) {
      const body = req.body as { kind: 'json'; value: unknown };
      const path = random.pick(nodes(body.value).filter((p) => p.length > 0));
      body.value = setAt(body.value, path, REMOVE);
      return `body ${pointer(path)} removed`;
    },
  },
  {
    weight: 2,
    applies: hasJsonBody,
    apply(req, random) {
      const body = req.body as { kind: 'json'; value: unknown };
      const objects = nodes(body.value).filter((p) => isObject(at(body.value, p)));
      const path = objects.length > 0 ? random.pick(objects) : [];
      const key = random.pick(['unexpected', '__proto__', 'constructor', '', '中文键', '\u0000']);
      const extra =
        key === '__proto__' ? JSON.parse('{"__proto__":{"isAdmin":true}}') : { [key]: hostileJson(random) };
      const target = at(body.value, path);
      body.value = setAt(body.value, path, isObject(target) ? { ...target, ...extra } : extra);
      return `body ${pointer(path)} gains key ${JSON.stringify(key)}`;
    },
  },
  {
    weight: 2,
    applies: sendsBody,
    apply(req, random) {
      const text = random.pick(RAW_BODIES)();
      req.body = { kind: 'text', text };
      req.headers['content-type'] = 'application/json';
      return `raw JSON body ${JSON.stringify(text.slice(0, 60))} (${text.length} chars)`;
    },
  },
  {
    weight: 1,
    applies: sendsBody,
    apply(req, random) {
      const text = req.body?.kind === 'json' ? toJsonText(req.body.value) : '{"x":1}';
      req.body = { kind: 'text', text };
      req.headers['content-type'] = random.pick(MEDIA_TYPES);
      return `Content-Type = ${req.headers['content-type']}`;
    },
  },
  {
    weight: 6,
    applies: (req) => req.body?.kind === 'multipart',
    apply(req, random) {
      const [parts, what] = random.pick(UPLOADS)(random);
      req.body = { kind: 'multipart', parts };
      return `upload: ${what}`;
    },
  },
];

/** A cursor no list handed out: a known bad one, or random bytes in base64url. */
function hostileCursor(random: Random): string {
  if (random.chance(0.7)) return random.pick(HOSTILE_CURSORS);
  const bytes = Uint8Array.from({ length: random.int(1, 48) }, () => random.int(0, 255));
  return Buffer.from(bytes).toString('base64url');
}

/** The request with one hostile change (the same object, changed). */
export function mutate(req: FuzzRequest, random: Random): FuzzRequest {
  const applicable = MUTATORS.filter((m) => m.applies(req));
  const chosen = random.weighted(applicable, (m) => m.weight);
  req.mutation = chosen.apply(req, random);
  return req;
}

const RAW_BODIES: (() => string)[] = [
  () => '',
  () => '{',
  () => 'null',
  () => '[]',
  () => '"x"',
  () => 'NaN',
  () => '{"a":1,"a":2}',
  () => `${'['.repeat(100)}${']'.repeat(100)}`,
  () => JSON.stringify(deep(30)),
  () => '{"__proto__":{"isAdmin":true}}',
  () => '{"constructor":{"prototype":{"x":1}}}',
  () => '\u0000',
  () => '{"x":"\\ud800"}',
  () => '{"x":"\\u0000"}',
  () => `{"x":"${'y'.repeat(1_100_000)}"}`,
];

const MEDIA_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json; charset=utf-16',
  'application/xml',
  'application/json-patch+json',
];

const text = (s: string) => new TextEncoder().encode(s);
const file = (filename: string, type: string, bytes = text('x')): MultipartPart => ({
  name: 'file',
  filename,
  type,
  bytes,
});

const UPLOADS: ((random: Random) => [MultipartPart[], string])[] = [
  (random) => {
    const name = random.pick(HOSTILE_FILE_NAMES);
    return [[file(name, 'text/plain')], `file name ${JSON.stringify(name)}`];
  },
  (random) => {
    const type = random.pick(['', 'application/x-msdownload', 'image/png', 'text/html', 'application/pdf']);
    return [[file('a.bin', type, text('not what it claims'))], `file type ${JSON.stringify(type)}`];
  },
  () => [[file('empty.txt', 'text/plain', new Uint8Array())], 'empty file'],
  () => [[{ name: 'other', value: 'x' }], 'no file part'],
  (random) => {
    const value = random.pick(HOSTILE_STRINGS);
    return [[{ name: 'file', value }], `file part is text ${preview(value)}`];
  },
  () => [[file('a.txt', 'text/plain'), file('b.txt', 'text/plain')], 'two files'],
  (random) => [
    [file('a.txt', 'text/plain'), { name: random.pick(['__proto__', 'extra', '\u0000']), value: 'x' }],
    'an extra field',
  ],
];

const REMOVE = Symbol('remove');

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function nodes(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) nodes(v, [...path, i], out);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}

/** A copy of `root` with the node at `path` replaced (or removed). */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(root)) {
    const copy = [...root];
    if (rest.length === 0 && value === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  if (rest.length === 0 && value === REMOVE) delete copy[head];
  else copy[head] = setAt(copy[head], rest, value);
  return copy;
}

const pointer = (path: Path) => `/${path.join('/')}`;

function preview(value: unknown): string {
  const t = toJsonText(value) ?? String(value);
  return t.length > 60 ? `${t.slice(0, 60)}…(${t.length} chars)` : t;
}

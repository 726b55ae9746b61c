/**
 * A schema-valid request for an operation: path ids of real objects (a task's holder sends task
 * commands, a notification's owner reads it), query values from their schemas or cursors the list
 * handed out, and bodies that mean something: shipped start data or generated start forms, a task's
 * own outcomes and form, demo usernames, definition bundles as published.
 */

import type { FuzzRequest, RequestBody } from './fuzz-request';
import { FUZZ_USERS, SHIPPED_STARTS } from './fuzz-users';
import { urlText } from './hostile-values';
import type { LiveObjects, TaskInfo } from './live-objects';
import type { JsonSchema, Operation } from './openapi-operations';
import type { SchemaValidator } from './schema-validator';
import type { Random } from './seeded-random';
import { type GenerateContext, validValue } from './value-generators';

export interface RequestEnv {
  random: Random;
  live: LiveObjects;
  generate: GenerateContext;
  /** Checks generated form data against the shipped form schemas. */
  forms: SchemaValidator;
}

interface Target {
  params: Record<string, string>;
  user?: string;
  task?: TaskInfo;
}

export function validRequest(op: Operation, env: RequestEnv): FuzzRequest {
  const { random } = env;
  const target = pathTarget(op, env);
  const user = target.user ?? (random.chance(0.92) ? random.pick(FUZZ_USERS) : undefined);
  const req: FuzzRequest = {
    op,
    params: target.params,
    query: queryFor(op, env),
    ...(user ? { user } : {}),
    credentials: user ? 'bearer' : 'none',
    headers: headersFor(op, random),
    mutation: 'valid',
  };
  const body = bodyFor(op, env, target, req);
  if (body) req.body = body;
  return req;
}

function pathTarget(op: Operation, env: RequestEnv): Target {
  const { random, live } = env;
  const params: Record<string, string> = {};
  const target: Target = { params };
  if (op.path.includes('{attachmentId}') && live.attachments.length > 0) {
    const a = random.pick(live.attachments);
    params.id = a.caseId;
    params.attachmentId = a.id;
  } else if (op.path.startsWith('/api/instances/{id}') && live.cases.length > 0) {
    params.id = random.pick(live.cases);
  } else if (op.path.startsWith('/api/tasks/{id}') && live.tasks.size > 0) {
    const [id, info] = random.pick([...live.tasks.entries()]);
    params.id = id;
    target.task = info;
    if (info.holders.length > 0 && random.chance(0.7)) target.user = random.pick(info.holders);
  } else if (op.path.startsWith('/api/notifications/{id}')) {
    const owners = [...live.notifications.entries()].filter(([, ids]) => ids.length > 0);
    if (owners.length > 0) {
      const [owner, ids] = random.pick(owners);
      params.id = random.pick(ids);
      if (random.chance(0.8)) target.user = owner;
    }
  }
  if (op.path.includes('{key}') && live.definitionKeys.length > 0)
    params.key = random.pick(live.definitionKeys);
  if (op.path.includes('{version}')) params.version = String(random.int(1, 2));
  for (const p of op.parameters) {
    if (p.in === 'path' && params[p.name] === undefined)
      params[p.name] = urlText(String(validValue(p.schema, env.generate)));
  }
  return target;
}

function queryFor(op: Operation, env: RequestEnv): [string, string][] {
  const query: [string, string][] = [];
  for (const p of op.parameters) {
    if (p.in !== 'query' || (!p.required && env.random.chance(0.5))) continue;
    const cursors = env.live.cursors.get(op.id) ?? [];
    const value =
      p.name === 'cursor' && cursors.length > 0 && env.random.chance(0.8)
        ? env.random.pick(cursors)
        : String(validValue(p.schema, env.generate));
    query.push([p.name, urlText(value)]);
  }
  return query;
}

function headersFor(op: Operation, random: Random): Record<string, string> {
  const headers: Record<string, string> = {};
  const language = random.pick(['zh-CN', 'en', 'en-US,en;q=0.9,zh;q=0.5', undefined]);
  if (language) headers['accept-language'] = language;
  if (op.method === 'POST' && random.chance(0.25)) headers['idempotency-key'] = `fuzz-${random.int(1, 1e9)}`;
  // The test server takes the client address from this header: a few addresses, so failed sign-ins
  // reach the per-address limit (429) now and then without locking every later one out.
  if (op.id === 'POST /api/auth/login') headers['x-test-address'] = `fuzz-address-${random.int(1, 6)}`;
  return headers;
}

function bodyFor(op: Operation, env: RequestEnv, target: Target, req: FuzzRequest): RequestBody | undefined {
  if (!op.body) return undefined;
  if (!op.body.required && env.random.chance(0.3)) return undefined;
  if (op.body.content['multipart/form-data']) return { kind: 'multipart', parts: [validFile(env.random)] };
  const schema = op.body.content['application/json'];
  if (!schema) return undefined;
  const special = SPECIAL_BODIES[op.id.replace(/^POST \/api\/tasks\/\{id\}\//, 'task:')];
  return { kind: 'json', value: special ? special(env, target, req) : validValue(schema, env.generate) };
}

type BodyBuilder = (env: RequestEnv, target: Target, req: FuzzRequest) => unknown;

const someUsers = (random: Random) => [random.pick(FUZZ_USERS)];

/** Bodies that must name real things to get past "not found" or "not allowed". */
const SPECIAL_BODIES: Record<string, BodyBuilder> = {
  'POST /api/auth/login': ({ random, generate }) =>
    random.chance(0.7)
      ? { username: random.pick(FUZZ_USERS), password: 'flowform' }
      : validValue({ $ref: '#/components/schemas/Login' }, generate),
  'POST /api/instances': (env, _target, req) => {
    const { random, live } = env;
    const keys = live.definitionKeys.length > 0 ? live.definitionKeys : Object.keys(SHIPPED_STARTS);
    const definitionKey = random.pick(keys);
    const shipped = SHIPPED_STARTS[definitionKey];
    if (shipped && random.chance(0.7)) {
      req.user = shipped.starter;
      req.credentials = 'bearer';
    }
    const form = live.startForms.get(definitionKey);
    const data = shipped && (!form || random.chance(0.5)) ? shipped.data() : form ? formData(form, env) : {};
    return { definitionKey, data };
  },
  'PUT /api/definitions/{key}/draft': bundleBody,
  'POST /api/definitions/{key}/lint': bundleBody,
  'task:complete': (env, { task }) => {
    const outcome = task && task.outcomes.length > 0 ? env.random.pick(task.outcomes) : undefined;
    return {
      outcome: outcome?.key ?? 'approve',
      ...(task?.form ? { data: formData(task.form, env) } : {}),
      ...(outcome?.requiresComment || env.random.chance(0.3) ? { comment: '同意。' } : {}),
    };
  },
  'task:transfer': ({ random }) => ({ to: random.pick(FUZZ_USERS) }),
  'task:delegate': ({ random }) => ({ to: random.pick(FUZZ_USERS), comment: '请协助办理' }),
  'task:add-signer': ({ random }) => ({
    users: someUsers(random),
    position: random.pick(['before', 'after', 'end']),
  }),
  'task:remove-signer': ({ random }) => ({ users: someUsers(random) }),
  'task:cc': ({ random }) => ({ users: someUsers(random) }),
  'task:return': ({ random }, { task }) => ({
    target: task && task.returnTargets.length > 0 ? random.pick(task.returnTargets) : 'start',
    comment: '请补充材料',
  }),
};

function bundleBody(env: RequestEnv, target: Target): unknown {
  const bundle = target.params.key ? env.live.bundles.get(target.params.key) : undefined;
  return bundle
    ? structuredClone(bundle)
    : validValue({ $ref: '#/components/schemas/DefinitionBundle' }, env.generate);
}

/** Data for a form: generated, checked against the form's schema, retried a few times. */
function formData(form: JsonSchema, env: RequestEnv): unknown {
  let value: unknown = {};
  for (let i = 0; i < 6; i++) {
    value = validValue(form, env.generate);
    if (!env.forms.firstError(form, value)) return value;
  }
  return value;
}

function validFile(random: Random) {
  return random.chance(0.5)
    ? {
        name: 'file',
        filename: '说明.txt',
        type: 'text/plain',
        bytes: new TextEncoder().encode('走访记录 visit notes'),
      }
    : {
        name: 'file',
        filename: 'photo.png',
        type: 'image/png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      };
}

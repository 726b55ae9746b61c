import type { DefinitionDetailSchema, StartableSchema, VersionInfoSchema } from '@flowform/api';
import type { DefinitionBundle } from '@flowform/engine';
import type { z } from '@hono/zod-openapi';
import { isoTime } from '../database/iso-time';
import type { AuthUser } from '../http/app-env';
import { problems } from '../http/problem';
import type { ServerContext } from '../server-context';
import { mayStart } from './starters';

type Startable = z.infer<typeof StartableSchema>;
type VersionInfo = z.infer<typeof VersionInfoSchema>;

/** The newest version number of every published definition. */
export async function latestVersions(ctx: ServerContext): Promise<Map<string, number>> {
  const rows = await ctx.db
    .selectFrom('definitions')
    .select(['key', (eb) => eb.fn.max('version').as('version')])
    .groupBy('key')
    .orderBy('key')
    .execute();
  return new Map(rows.map((r) => [r.key, r.version]));
}

/** The processes this user may start (latest versions), with their start forms. */
export async function startableDefinitions(ctx: ServerContext, user: AuthUser): Promise<Startable[]> {
  const out: Startable[] = [];
  const contractor = await isContractor(ctx, user.username);
  for (const [key, version] of await latestVersions(ctx)) {
    const bundle = await ctx.runtime.definitions.get(key, version);
    const def = bundle.definition;
    if (!mayStart(def.starters, user.username, user.directory, contractor)) continue;
    const form = def.startForm ? bundle.forms[def.startForm] : undefined;
    out.push({
      key,
      version,
      name: def.name,
      description: def.description,
      startForm: form ? { key: form.key, schema: form.schema, uiSchema: form.uiSchema ?? {} } : null,
    });
  }
  return out;
}

/** Every published version of a key, newest first. */
export async function versionsOf(ctx: ServerContext, key: string): Promise<VersionInfo[]> {
  const rows = await ctx.db
    .selectFrom('definitions')
    .select(['version', 'hash', 'published_by', 'published_at'])
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    hash: r.hash,
    publishedBy: r.published_by,
    publishedAt: isoTime(r.published_at),
  }));
}

/** One published version with its bundle, or 404. */
export async function definitionVersion(ctx: ServerContext, key: string, version: number) {
  const info = (await versionsOf(ctx, key)).find((v) => v.version === version);
  if (!info) throw problems.notFound('No such definition version');
  const bundle: DefinitionBundle = await ctx.runtime.definitions.get(key, version);
  return {
    key,
    ...info,
    definition: bundle.definition,
    forms: bundle.forms,
  };
}

/** The latest version, all versions, and the draft's stamp for administrators. */
export async function definitionDetail(
  ctx: ServerContext,
  key: string,
  user: AuthUser,
): Promise<z.infer<typeof DefinitionDetailSchema>> {
  const versions = await versionsOf(ctx, key);
  const draft = user.isAdmin
    ? await ctx.db
        .selectFrom('definition_drafts')
        .select(['updated_by', 'updated_at'])
        .where('key', '=', key)
        .executeTakeFirst()
    : undefined;
  const latest = versions[0];
  if (!latest) throw problems.notFound('No such definition');
  const current = await definitionVersion(ctx, key, latest.version);
  const definition = (await ctx.runtime.definitions.get(key, latest.version)).definition;
  return {
    ...current,
    versions,
    mayStart: mayStart(
      definition.starters,
      user.username,
      user.directory,
      await isContractor(ctx, user.username),
    ),
    draft: draft ? { updatedBy: draft.updated_by, updatedAt: isoTime(draft.updated_at) } : null,
  };
}

/** Whether the user contracts (承包) any unit in person. */
async function isContractor(ctx: ServerContext, username: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('directory_contracts')
    .select('unit')
    .where('contractor_user', '=', username)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

import type { DirectorySeed } from '@flowform/engine';
import { loadDirectory } from '@flowform/runtime';
import { sql } from 'kysely';
import { isoTime } from '../database/iso-time';
import { problems } from '../http/problem';
import type { ServerContext } from '../server-context';
import { versionsOf } from './definition-catalog';

/** Running cases per definition version, for every key. */
async function runningByVersion(ctx: ServerContext, key?: string) {
  let query = ctx.db
    .selectFrom('instances')
    .select(['definition_key', 'definition_version', sql<number>`count(*)::int`.as('running')])
    .where('status', '=', 'running')
    .groupBy(['definition_key', 'definition_version']);
  if (key) query = query.where('definition_key', '=', key);
  return query.execute();
}

/** Every definition an administrator may edit: published ones and drafts never published. */
export async function designerDefinitions(ctx: ServerContext) {
  const published = await ctx.db
    .selectFrom('definitions')
    .select(['key', (eb) => eb.fn.max('version').as('version')])
    .groupBy('key')
    .execute();
  const drafts = await ctx.db
    .selectFrom('definition_drafts')
    .select(['key', 'bundle', 'updated_by', 'updated_at'])
    .execute();
  const running = await runningByVersion(ctx);
  const keys = [...new Set([...published.map((p) => p.key), ...drafts.map((d) => d.key)])].sort();
  const items = [];
  for (const key of keys) {
    const latest = published.find((p) => p.key === key)?.version ?? null;
    const draft = drafts.find((d) => d.key === key);
    const name = latest
      ? (await ctx.runtime.definitions.get(key, latest)).definition.name
      : ((draft?.bundle as { definition?: { name?: unknown } } | null)?.definition?.name ?? {
          'zh-CN': key,
          en: key,
        });
    items.push({
      key,
      name,
      latestVersion: latest,
      draft: draft ? { updatedBy: draft.updated_by, updatedAt: isoTime(draft.updated_at) } : null,
      runningCases: running
        .filter((r) => r.definition_key === key)
        .reduce((n, r) => n + Number(r.running), 0),
    });
  }
  return items;
}

/** One definition for the designer: its draft (with content), the latest published bundle, versions with running cases. */
export async function designerDefinition(ctx: ServerContext, key: string) {
  const versions = await versionsOf(ctx, key);
  const draft = await ctx.db
    .selectFrom('definition_drafts')
    .select(['bundle', 'updated_by', 'updated_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!draft && versions.length === 0) throw problems.notFound('No such definition');
  const running = await runningByVersion(ctx, key);
  const latest = versions[0];
  const bundle = latest ? await ctx.runtime.definitions.get(key, latest.version) : undefined;
  return {
    key,
    draft: draft?.bundle
      ? {
          bundle: draft.bundle as Record<string, unknown>,
          updatedBy: draft.updated_by,
          updatedAt: isoTime(draft.updated_at),
        }
      : null,
    published:
      latest && bundle
        ? {
            version: latest.version,
            definition: bundle.definition as unknown as Record<string, unknown>,
            forms: bundle.forms as unknown as Record<string, Record<string, unknown>>,
          }
        : null,
    versions: versions.map((v) => ({
      ...v,
      runningCases: Number(running.find((r) => r.definition_version === v.version)?.running ?? 0),
    })),
  };
}

/** The directory as a seed, so the designer can pick people and simulate with the real organisation. */
export async function directorySeed(ctx: ServerContext): Promise<DirectorySeed> {
  return (await loadDirectory(ctx.runtime.db)).directory.toSeed();
}

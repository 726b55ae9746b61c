import { type DefinitionBundle, type LintProblem, lintDefinition } from '@flowform/engine';
import { isoTime } from '../database/iso-time';
import type { AuthUser } from '../http/app-env';
import { ApiProblem, problems } from '../http/problem';
import type { ServerContext } from '../server-context';
import { appendAdminAudit } from './admin-audit';
import { latestVersions } from './definition-catalog';

/** Stores an administrator's draft; the bundle's key must be the path's key. */
export async function saveDraft(ctx: ServerContext, key: string, bundle: DefinitionBundle, user: AuthUser) {
  if ((bundle.definition as { key?: unknown }).key !== key) {
    throw new ApiProblem(422, 'key-mismatch', 'The definition key differs from the URL', `Expected '${key}'`);
  }
  const row = await ctx.db
    .insertInto('definition_drafts')
    .values({ key, bundle: JSON.stringify(bundle), updated_by: user.username })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        bundle: eb.ref('excluded.bundle'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: new Date(),
      })),
    )
    .returning(['updated_at'])
    .executeTakeFirstOrThrow();
  return { key, updatedBy: user.username, updatedAt: isoTime(row.updated_at) };
}

/** The draft of a key, or 404. */
export async function loadDraft(ctx: ServerContext, key: string): Promise<DefinitionBundle> {
  const row = await ctx.db
    .selectFrom('definition_drafts')
    .select('bundle')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row?.bundle) throw problems.notFound('No draft for this definition');
  return row.bundle as DefinitionBundle;
}

/** Lints a bundle against today's directory and every known process key. */
export async function lintBundle(
  ctx: ServerContext,
  bundle: DefinitionBundle,
  user: AuthUser,
): Promise<LintProblem[]> {
  const drafts = await ctx.db.selectFrom('definition_drafts').select('key').execute();
  const processes = new Set([...(await latestVersions(ctx)).keys(), ...drafts.map((d) => d.key)]);
  const key = (bundle.definition as { key?: unknown } | undefined)?.key;
  if (typeof key === 'string') processes.add(key);
  try {
    return lintDefinition(bundle.definition, {
      forms: bundle.forms ?? {},
      processes,
      directory: user.directory,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        code: 'definition-invalid',
        severity: 'error',
        message,
        path: '/',
        hint: 'Fix the definition format',
      },
    ];
  }
}

/**
 * Publishes the draft as the next version, refused (422 with the problems) while lint finds an
 * error. The publication is written to the administrators' audit log with the bundle's hash.
 */
export async function publishDraft(ctx: ServerContext, key: string, user: AuthUser) {
  const bundle = await loadDraft(ctx, key);
  const found = await lintBundle(ctx, bundle, user);
  if (found.some((p) => p.severity === 'error')) {
    throw new ApiProblem(422, 'lint-errors', 'The definition has lint errors', undefined, {
      problems: found,
    });
  }
  const published = await ctx.runtime.definitions.publish(bundle, user.username);
  await appendAdminAudit(ctx.db, {
    actor: user.username,
    action: 'publish',
    target: key,
    detail: { version: published.version, hash: published.hash, created: published.created },
  });
  return published;
}

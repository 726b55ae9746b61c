import type { JsonRequest, migrationContract } from '@flowform/api';
import { type DefinitionBundle, statesOf, proposeMapping } from '@flowform/engine';
import { applyMigration, dryRunMigration, type MigrationReport, whatIfCases } from '@flowform/runtime';
import type { AuthUser } from '../http/app-env';
import { ApiProblem, problems } from '../http/problem';
import type { ServerContext } from '../server-context';
import { appendAdminAudit } from './admin-audit';
import { lintBundle, loadDraft } from './definition-publishing';

type MigrationRequest = JsonRequest<typeof migrationContract.migrate>;
type WhatIfRequest = JsonRequest<typeof migrationContract.whatIf>;

/** The proposed mapping from `from` to `to`, and how many running cases of `from` rest in each state. */
export async function migrationProposal(ctx: ServerContext, key: string, from: number, to: number) {
  const [before, after] = await Promise.all([
    ctx.runtime.definitions.get(key, from),
    ctx.runtime.definitions.get(key, to),
  ]);
  const rows = await ctx.runtime.db
    .selectFrom('instances')
    .select('snapshot')
    .where('definition_key', '=', key)
    .where('definition_version', '=', from)
    .where('status', '=', 'running')
    .execute();
  const running: Record<string, number> = {};
  for (const row of rows)
    for (const state of statesOf(row.snapshot as never)) running[state] = (running[state] ?? 0) + 1;
  return { proposal: proposeMapping(before, after), running };
}

/** What-if against a published version or the draft (which must lint without errors). */
export async function whatIf(ctx: ServerContext, key: string, body: WhatIfRequest, user: AuthUser) {
  if ((body.version === undefined) === !body.draft)
    throw problems.badRequest('Give either a version or draft: true', {
      errors: [{ path: '/version', message: 'version or draft, one of them' }],
    });
  let bundle: DefinitionBundle;
  let against: string;
  if (body.version !== undefined) {
    bundle = await ctx.runtime.definitions.get(key, body.version);
    against = `${key}@${body.version}`;
  } else {
    const draft = await loadDraft(ctx, key);
    const found = await lintBundle(ctx, draft, user);
    if (found.some((p) => p.severity === 'error'))
      throw new ApiProblem(422, 'lint-errors', 'The definition has lint errors', undefined, {
        problems: found,
      });
    bundle = { ...draft, version: 0 };
    against = `draft of ${key}`;
  }
  return { against, cases: await whatIfCases(ctx.runtime, bundle, body.instanceIds) };
}

/** A dry run of the mapping; 422 `migration-refused` with its problems when it would strand a case. */
export async function dryRun(ctx: ServerContext, key: string, body: MigrationRequest, user: AuthUser) {
  return refusedIfProblems(await dryRunMigration(ctx.runtime, { key, ...body, actor: user.username }));
}

/**
 * Moves the running cases; refused (nothing moves) while the mapping has problems. The migration
 * is written to the administrators' audit log naming the mapping; each case has its own audit row.
 */
export async function migrate(ctx: ServerContext, key: string, body: MigrationRequest, user: AuthUser) {
  const report = refusedIfProblems(await applyMigration(ctx.runtime, { key, ...body, actor: user.username }));
  const moved = report.cases.filter((c) => c.status === 'moved').length;
  await appendAdminAudit(ctx.db, {
    actor: user.username,
    action: 'migrate',
    target: key,
    detail: { mapping: report.mapping.id, from: body.from, to: body.to, moved, cases: report.cases.length },
  });
  return report;
}

function refusedIfProblems(report: MigrationReport): MigrationReport {
  if (report.problems.length === 0) return report;
  throw new ApiProblem(
    422,
    'migration-refused',
    'The mapping would strand cases',
    report.problems[0]!.message,
    {
      problems: report.problems,
    },
  );
}

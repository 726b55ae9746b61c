import type { ChangeResult, DirectoryOp } from '@flowform/api';
import { applyDirectoryOps, type DirectoryIssue, type Locale, withDerivedSuperiors } from '@flowform/engine';
import { commitDirectory, readDirectorySeed } from '@flowform/runtime';
import type { ServerDb } from '../database/server-schema';
import { ApiProblem, problems } from '../http/problem';
import type { ServerContext } from '../server-context';
import { appendAdminAudit } from '../services/admin-audit';
import { moveTasks, planChange } from './change-preview';

/** A directory change as the service takes it (the API's body, parsed). */
export interface DirectoryChangeRequest {
  ops: DirectoryOp[];
  dryRun: boolean;
  expectedVersion?: string;
  comment?: string;
}

/** The 422 of a refused change: every refused operation by path, in the reader's language and both. */
export function directoryProblem(issues: DirectoryIssue[], locale: Locale): ApiProblem {
  return new ApiProblem(
    422,
    'directory-invalid',
    'The directory change is invalid',
    issues[0]?.message[locale],
    {
      errors: issues.map((i) => ({ path: i.path, keyword: i.code, message: i.message[locale] })),
      issues,
    },
  );
}

/**
 * Applies (or, with `dryRun`, only previews) a directory change: the operations in order against
 * the current directory (422 naming each refused one), superiors derived again, then in one
 * transaction the new version, its history, the change record and the administrators' audit row;
 * afterwards the open tasks follow through the runtime's `reassign` command.
 */
export async function changeDirectory(
  ctx: ServerContext,
  request: DirectoryChangeRequest,
  by: string,
  locale: Locale,
  source: 'change' | 'import' = 'change',
): Promise<ChangeResult> {
  const { seed, version } = await readDirectorySeed(ctx.runtime.db);
  if (request.expectedVersion !== undefined && request.expectedVersion !== version) {
    throw problems.conflict(`The directory is at version ${version}, not ${request.expectedVersion}`);
  }
  const { seed: next, issues } = applyDirectoryOps(seed, request.ops);
  if (issues.length > 0) throw directoryProblem(issues, locale);
  const plan = await planChange(ctx, seed, withDerivedSuperiors(next), version);
  const result = { applied: false, fromVersion: version, version, ops: request.ops, preview: plan.preview };
  if (request.dryRun || request.ops.length === 0) return result;
  const committed = await commitDirectory(
    ctx.runtime.db,
    next,
    { expectedVersion: version, by, source, comment: request.comment ?? null, ops: request.ops },
    async (trx, newVersion) => {
      await appendAdminAudit(trx as unknown as ServerDb, {
        actor: by,
        action: source === 'import' ? 'directory.import' : 'directory.change',
        target: `directory@${newVersion}`,
        detail: {
          fromVersion: version,
          ops: request.ops.length,
          comment: request.comment ?? null,
          superiors: plan.preview.superiors.length,
          tasks: plan.preview.tasks.length,
          brokenProofs: plan.preview.brokenProofs.length,
        },
      });
    },
  );
  await moveTasks(ctx, plan.moves, committed);
  return { ...result, applied: true, version: committed };
}

import { type CaseSnapshot, caseVisibility, compileBundle } from '@flowform/engine';
import type { AuthUser } from '../../http/app-env';
import { problems } from '../../http/problem';
import type { ServerContext } from '../../server-context';

/** The roles that see the dashboards: the same two that `caseVisibility` lets see every open case. */
const REPORT_ROLES = ['administrator', 'districtLeader'];

/**
 * Whose figures a dashboard shows. Administrators and district leaders see every case that is not
 * confidential (`caseVisibility`), so summaries of those serve them all; a confidential case counts
 * only where `caseVisibility` — the one rule behind case lists and case pages — grants it to this
 * viewer, and its ids are listed here for the figures to add live.
 */
export interface ReportViewer {
  username: string;
  confidentialIds: string[];
}

/** The viewer of a dashboard, or 403 for anyone but an administrator or a district leader. */
export async function reportViewer(ctx: ServerContext, user: AuthUser): Promise<ReportViewer> {
  const roles = user.directory.rolesOf(user.username).map((r) => r.role);
  if (!roles.some((role) => REPORT_ROLES.includes(role)))
    throw problems.forbidden('Reports are for administrators and district leaders');
  const rows = await ctx.db
    .selectFrom('instances')
    .select(['id', 'definition_key', 'definition_version', 'snapshot'])
    .where('confidential', '=', true)
    .execute();
  const compiled = new Map<string, ReturnType<typeof compileBundle>>();
  const confidentialIds: string[] = [];
  for (const row of rows) {
    const key = `${row.definition_key}@${row.definition_version}`;
    let definition = compiled.get(key);
    if (!definition) {
      definition = compileBundle(
        await ctx.runtime.definitions.get(row.definition_key, row.definition_version),
      );
      compiled.set(key, definition);
    }
    if (caseVisibility(definition, row.snapshot as CaseSnapshot, user.username, user.directory))
      confidentialIds.push(row.id);
  }
  return { username: user.username, confidentialIds };
}

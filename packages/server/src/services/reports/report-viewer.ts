import { sql } from 'kysely';
import { type CaseSnapshot, caseVisibility, compileBundle } from '@flowform/engine';
import type { AuthUser } from '../../http/app-env';
import { problems } from '../../http/problem';
import type { ServerContext } from '../../server-context';

/** The roles that see the dashboards: the same two that `caseVisibility` lets see every open case. */
const REPORT_ROLES = ['administrator', 'districtLeader'];

/**
 * Whose figures a dashboard shows. Administrators and district leaders see every case that is not
 * confidential (`caseVisibility`), so summaries of those serve them all. A confidential case counts
 * only where `caseVisibility` — the one rule behind case lists and case pages — grants it to this
 * viewer: `wholeProcesses` are those whose confidential cases the viewer may all see (their
 * confidential summaries count whole), `confidentialIds` the cases they may see of the others
 * (added one by one).
 */
export interface ReportViewer {
  username: string;
  wholeProcesses: string[];
  confidentialIds: string[];
}

/** 403 for anyone but an administrator or a district leader. */
export function requireReportViewer(user: AuthUser): void {
  const roles = user.directory.rolesOf(user.username).map((r) => r.role);
  if (!roles.some((role) => REPORT_ROLES.includes(role)))
    throw problems.forbidden('Reports are for administrators and district leaders');
}

/**
 * The confidential cases a viewer may see, read after the summaries were refreshed: a case the
 * summaries hold is then always among those checked here, so a whole process is never counted for
 * a viewer who may not see one of its cases.
 */
export async function reportViewer(ctx: ServerContext, user: AuthUser): Promise<ReportViewer> {
  requireReportViewer(user);
  // Who may see a confidential case changes only with a command on it (which bumps its version)
  // or the directory (a new directory object): the scope is kept until either moves.
  const mark = await ctx.db
    .selectFrom('instances')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('version').as('v')])
    .where(sql<boolean>`confidential`) // a literal, so a generic plan still uses the partial index
    .executeTakeFirstOrThrow();
  const key = `${user.username}|${mark.n}|${mark.v ?? 0}`;
  const kept = scopes.get(user.directory) ?? new Map<string, ReportViewer>();
  scopes.set(user.directory, kept);
  const known = kept.get(key);
  if (known) return known;
  const viewer = await computeViewer(ctx, user);
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, viewer);
  return viewer;
}

const MAX_KEPT = 200;
const scopes = new WeakMap<object, Map<string, ReportViewer>>();

async function computeViewer(ctx: ServerContext, user: AuthUser): Promise<ReportViewer> {
  const rows = await ctx.db
    .selectFrom('instances')
    .select(['id', 'definition_key', 'definition_version', 'snapshot'])
    .where(sql<boolean>`confidential`) // a literal, so a generic plan still uses the partial index
    .execute();
  const compiled = new Map<string, ReturnType<typeof compileBundle>>();
  const visible = new Map<string, string[]>();
  const hidden = new Set<string>();
  for (const row of rows) {
    const key = `${row.definition_key}@${row.definition_version}`;
    let definition = compiled.get(key);
    if (!definition) {
      definition = compileBundle(
        await ctx.runtime.definitions.get(row.definition_key, row.definition_version),
      );
      compiled.set(key, definition);
    }
    if (caseVisibility(definition, row.snapshot as CaseSnapshot, user.username, user.directory)) {
      const list = visible.get(row.definition_key) ?? [];
      list.push(row.id);
      visible.set(row.definition_key, list);
    } else hidden.add(row.definition_key);
  }
  const wholeProcesses = [...visible.keys()].filter((key) => !hidden.has(key)).sort();
  const confidentialIds = [...visible].filter(([key]) => hidden.has(key)).flatMap(([, ids]) => ids);
  return { username: user.username, wholeProcesses, confidentialIds };
}

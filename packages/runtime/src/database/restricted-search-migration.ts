import {
  type CaseSnapshot,
  type CompiledDefinition,
  compileBundle,
  type DefinitionBundle,
  type LocalizedText,
  restrictedFields,
  type TaskSubject,
} from '@flowform/engine';
import { type Kysely, type Migration, sql } from 'kysely';
import { taskSearch } from '../search-text';
import type { Database } from './db-schema';

const PAGE = 500;

/**
 * Search never finds a case by a value some viewer may not see (`restrictedFields`):
 * - each definition keeps its restricted fields in `definitions.restricted_fields`, written at
 *   publish, so the case lists (我发起的, 抄送) search the case data without them;
 * - task rows written before search text left them out get their search text again.
 */
export const restrictedSearchMigration: Record<string, Migration> = {
  '2026_12_04_660_search_without_restricted': {
    async up(db) {
      await sql`alter table definitions add column if not exists restricted_fields text[]`.execute(db);
      await backfillRestrictedSearch(db as Kysely<Database>);
    },
  },
};

/**
 * Writes every definition's restricted fields, and rewrites the search text of every task (open or
 * done) of a definition that has some, from its case as it is now. Rerunnable. Returns the number
 * of tasks rewritten.
 */
export async function backfillRestrictedSearch(db: Kysely<Database>): Promise<number> {
  const restricting = new Map<string, CompiledDefinition>();
  const definitions = await db.selectFrom('definitions').select(['key', 'version', 'bundle']).execute();
  for (const row of definitions) {
    const compiled = compileStored(row.bundle as DefinitionBundle, row.version);
    const fields = compiled ? [...restrictedFields(compiled)].sort() : [];
    await db
      .updateTable('definitions')
      .set({ restricted_fields: fields })
      .where('key', '=', row.key)
      .where('version', '=', row.version)
      .execute();
    if (compiled && fields.length > 0) restricting.set(`${row.key}@${row.version}`, compiled);
  }
  if (restricting.size === 0) return 0;
  const keys = [...new Set([...restricting.keys()].map((id) => id.slice(0, id.lastIndexOf('@'))))];
  let rewritten = 0;
  let after = '';
  for (;;) {
    const { rows } = await sql<TaskToRewrite>`
      select t.id, t.state_id, t.title, t.case_title, t.subject, i.definition_key, i.definition_version,
        i.snapshot, u.display_name
      from tasks t join instances i on i.id = t.instance_id
      left join directory_users u on u.username = i.initiator
      where t.definition_key = any(${keys}::text[]) and t.id > ${after}
      order by t.id limit ${PAGE}`.execute(db);
    if (rows.length === 0) return rewritten;
    after = rows.at(-1)!.id;
    const ids: string[] = [];
    const texts: string[] = [];
    for (const row of rows) {
      const compiled = restricting.get(`${row.definition_key}@${row.definition_version}`);
      if (!compiled) continue;
      ids.push(row.id);
      texts.push(
        taskSearch(
          compiled,
          { stateId: row.state_id, title: row.title, caseTitle: row.case_title, subject: row.subject },
          row.display_name,
          row.snapshot,
        ),
      );
    }
    if (ids.length === 0) continue;
    await sql`
      update tasks t set search = v.search
      from unnest(${ids}::text[], ${texts}::text[]) as v(id, search) where t.id = v.id`.execute(db);
    rewritten += ids.length;
  }
}

interface TaskToRewrite {
  id: string;
  state_id: string;
  title: LocalizedText;
  case_title: LocalizedText | null;
  subject: TaskSubject | null;
  definition_key: string;
  definition_version: number;
  snapshot: CaseSnapshot;
  display_name: LocalizedText | null;
}

/** A stored bundle compiled, or undefined when it no longer compiles (its cases cannot step either). */
function compileStored(bundle: DefinitionBundle, version: number): CompiledDefinition | undefined {
  try {
    return compileBundle({ ...bundle, version });
  } catch {
    return undefined;
  }
}

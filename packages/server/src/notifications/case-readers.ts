import {
  type CaseSnapshot,
  type CaseView,
  canOpenCase,
  type CompiledDefinition,
  compileBundle,
  type Directory,
  viewCase,
} from '@flowform/engine';
import type { CaseRuntime } from '@flowform/runtime';
import type { ServerDb } from '../database/server-schema';

/** What deciding who may open a case needs: the cases' rows and their definitions. */
export interface ReaderDeps {
  db: ServerDb;
  runtime: Pick<CaseRuntime, 'definitions' | 'directoryAt'>;
}

/**
 * Of the given cases, the ids the user may open now (`canOpenCase`, the rule behind every case
 * page): lists of tasks and notifications drop the others, so a case the user lost access to
 * leaves them all. One query for the lot, each definition version compiled once.
 */
export async function openableCases(
  deps: ReaderDeps,
  username: string,
  directory: Directory,
  ids: Iterable<string>,
): Promise<Set<string>> {
  const open = new Set<string>();
  for (const { id, compiled, snapshot } of await casesOf(deps, ids))
    if (canOpenCase(compiled, snapshot, username, directory)) open.add(id);
  return open;
}

/** A case the viewer may open, with its definition and the viewer's view of it (engine `viewCase`). */
export interface ViewedCase {
  compiled: CompiledDefinition;
  view: CaseView;
}

/**
 * Of the given cases, those the user may open now, each with their view of it: an inbox row shows
 * what it derives from case data (a task's subject) only as the view allows. One query for the lot.
 */
export async function viewedCases(
  deps: ReaderDeps,
  username: string,
  directory: Directory,
  ids: Iterable<string>,
): Promise<Map<string, ViewedCase>> {
  const viewed = new Map<string, ViewedCase>();
  for (const { id, compiled, snapshot } of await casesOf(deps, ids)) {
    const view = viewCase(compiled, snapshot, username, directory);
    if (view) viewed.set(id, { compiled, view });
  }
  return viewed;
}

async function casesOf(
  deps: ReaderDeps,
  ids: Iterable<string>,
): Promise<{ id: string; compiled: CompiledDefinition; snapshot: CaseSnapshot }[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await deps.db
    .selectFrom('instances')
    .select(['id', 'definition_key', 'definition_version', 'snapshot'])
    .where('id', 'in', wanted)
    .execute();
  const compile = compiler(deps);
  const cases = [];
  for (const row of rows) {
    if (!row.snapshot) continue;
    const compiled = await compile(row.definition_key, row.definition_version);
    cases.push({ id: row.id, compiled, snapshot: row.snapshot as CaseSnapshot });
  }
  return cases;
}

/**
 * Of the given people, those who may open the case now, against today's directory: a message,
 * a live event or a robot's line about a case goes only to them (one told to read a case they
 * may not open would get a 404; lint's `notify-audience-cannot-read` keeps definitions from it).
 */
export async function readersOf(
  deps: ReaderDeps,
  instanceId: string,
  usernames: Iterable<string>,
): Promise<string[]> {
  const people = [...new Set(usernames)];
  if (people.length === 0) return [];
  const row = await deps.db
    .selectFrom('instances')
    .select(['definition_key', 'definition_version', 'snapshot'])
    .where('id', '=', instanceId)
    .executeTakeFirst();
  return row ? readersAmong(deps, row, people) : [];
}

/** `readersOf` on a case row the caller has already read (its definition and snapshot). */
export async function readersAmong(
  deps: ReaderDeps,
  row: { definition_key: string; definition_version: number; snapshot: unknown },
  usernames: Iterable<string>,
): Promise<string[]> {
  const people = [...new Set(usernames)];
  if (people.length === 0 || !row.snapshot) return [];
  const [compiled, directory] = await Promise.all([
    compiler(deps)(row.definition_key, row.definition_version),
    deps.runtime.directoryAt(),
  ]);
  return people.filter((u) => canOpenCase(compiled, row.snapshot as CaseSnapshot, u, directory));
}

function compiler(deps: ReaderDeps) {
  const compiled = new Map<string, CompiledDefinition>();
  return async (key: string, version: number): Promise<CompiledDefinition> => {
    const id = `${key}@${version}`;
    let found = compiled.get(id);
    if (!found) {
      found = compileBundle(await deps.runtime.definitions.get(key, version));
      compiled.set(id, found);
    }
    return found;
  };
}

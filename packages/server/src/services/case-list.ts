import type { CaseListItemSchema } from '@flowform/api';
import { type CaseSnapshot, type CompiledDefinition, canOpenCase, compileBundle } from '@flowform/engine';
import { decodeListCursor, encodeListCursor, type ListCursor } from '@flowform/runtime';
import type { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AuthUser } from '../http/app-env';
import type { ServerContext } from '../server-context';

type Item = z.infer<typeof CaseListItemSchema>;

/** Which cases a list shows: those I started, those I take part in, or every case I may see. */
export type CaseScope = 'started' | 'involved' | 'all';

const MAX_SCAN = 1000;

/**
 * Cases newest first with a keyset cursor. Every scope reads candidates in pages and keeps only
 * those the viewer may open now (`canOpenCase`: a confidential case never shows to outsiders, and a
 * case the viewer has lost access to — a task transferred away, a role taken away — leaves every
 * list, `involved` and `started` too); it stops after scanning MAX_SCAN rows and hands back a
 * cursor to go on from there.
 */
export async function listCases(
  ctx: ServerContext,
  user: AuthUser,
  query: { scope: CaseScope; limit: number; cursor?: string },
): Promise<{ items: Item[]; nextCursor?: string }> {
  let cursor = decodeListCursor(query.cursor);
  const items: Item[] = [];
  let scanned = 0;
  const opens = opener(ctx, user);
  for (;;) {
    const batch = await page(ctx, user.username, query.scope, query.limit + 1, cursor);
    for (const row of batch.slice(0, query.limit + 1)) {
      scanned += 1;
      cursor = { at: new Date(row.started_at).toISOString(), id: row.id };
      if (!(await opens(row))) continue;
      if (items.length === query.limit)
        return { items, nextCursor: encodeListCursor(itemCursor(items.at(-1)!)) };
      items.push(toItem(row));
    }
    if (batch.length <= query.limit) return { items };
    if (scanned >= MAX_SCAN) return { items, nextCursor: encodeListCursor(cursor!) };
  }
}

type Row = {
  id: string;
  definition_key: string;
  definition_version: number;
  status: string;
  outcome: string | null;
  initiator: string;
  started_at: Date;
  ended_at: Date | null;
  snapshot: unknown;
};

async function page(ctx: ServerContext, username: string, scope: CaseScope, n: number, cursor?: Cursor) {
  let q = ctx.db
    .selectFrom('instances as i')
    .select([
      'i.id',
      'i.definition_key',
      'i.definition_version',
      'i.status',
      'i.outcome',
      'i.initiator',
      'i.started_at',
      'i.ended_at',
    ])
    .select('i.snapshot')
    .orderBy('i.started_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(n);
  if (cursor) q = q.where(sql<boolean>`(i.started_at, i.id) < (${cursor.at}::timestamptz, ${cursor.id})`);
  if (scope === 'started') q = q.where('i.initiator', '=', username);
  if (scope === 'involved') {
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('participants as p')
            .select('p.username')
            .whereRef('p.instance_id', '=', 'i.id')
            .where('p.username', '=', username),
        ),
        eb.exists(
          eb
            .selectFrom('cc_entries as c')
            .select('c.username')
            .whereRef('c.instance_id', '=', 'i.id')
            .where('c.username', '=', username),
        ),
      ]),
    );
  }
  return (await q.execute()) as Row[];
}

/** Whether the viewer may open a listed case, each definition version compiled once per list. */
function opener(ctx: ServerContext, user: AuthUser): (row: Row) => Promise<boolean> {
  const compiled = new Map<string, CompiledDefinition>();
  return async (row) => {
    if (!row.snapshot) return false;
    const key = `${row.definition_key}@${row.definition_version}`;
    let definition = compiled.get(key);
    if (!definition) {
      definition = compileBundle(
        await ctx.runtime.definitions.get(row.definition_key, row.definition_version),
      );
      compiled.set(key, definition);
    }
    return canOpenCase(definition, row.snapshot as CaseSnapshot, user.username, user.directory);
  };
}

function toItem(row: Row): Item {
  return {
    id: row.id,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    status: row.status,
    outcome: row.outcome as Item['outcome'],
    initiator: row.initiator,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
  };
}

type Cursor = ListCursor;

const itemCursor = (item: Item): Cursor => ({ at: item.startedAt, id: item.id });

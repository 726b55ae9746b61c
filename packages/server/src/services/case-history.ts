import type { HistoryEntrySchema } from '@flowform/api';
import type { CaseView } from '@flowform/engine';
import { chainHash, GENESIS_HASH } from '@flowform/runtime';
import type { z } from '@hono/zod-openapi';
import type { ServerContext } from '../server-context';

type Entry = z.infer<typeof HistoryEntrySchema>;

/**
 * The case's audit trail with each row's hash link, and whether the chain verifies (on the server,
 * over every row). Submitted form data is never shown; its digest only to a viewer who sees every
 * field (a digest of a short hidden value could be guessed), a step's comment only where the view
 * lets the viewer read its author's comments.
 */
export async function caseHistory(
  ctx: ServerContext,
  instanceId: string,
  view: CaseView,
): Promise<{ entries: Entry[]; chainValid: boolean }> {
  const seesDigests = view.hiddenFields.size === 0;
  const rows = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('seq')
    .execute();
  let prev = GENESIS_HASH;
  let chainValid = true;
  const entries = rows.map((row) => {
    const { prev_hash, hash, ...content } = row;
    const at = new Date(content.at).toISOString();
    if (prev_hash !== prev || chainHash(prev, { ...content, at }) !== hash) chainValid = false;
    prev = hash;
    return {
      seq: row.seq,
      at,
      actor: row.actor,
      action: row.action,
      taskId: row.task_id,
      outcome: row.outcome,
      comment: row.comment !== null && view.seesComment({ author: row.actor }) ? row.comment : null,
      dataDigest: seesDigests ? row.data_digest : null,
      definitionVersion: row.definition_version,
      prevHash: prev_hash,
      hash,
    };
  });
  return { entries, chainValid };
}

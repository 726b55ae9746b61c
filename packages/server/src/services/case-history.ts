import type { HistoryEntrySchema } from '@flowform/api';
import { chainHash, GENESIS_HASH } from '@flowform/runtime';
import type { z } from '@hono/zod-openapi';
import type { ServerContext } from '../server-context';

type Entry = z.infer<typeof HistoryEntrySchema>;

/**
 * The case's audit trail with each row's hash link, and whether the chain verifies. Submitted form
 * data is not shown (only its digest), so hidden fields stay hidden here too.
 */
export async function caseHistory(
  ctx: ServerContext,
  instanceId: string,
): Promise<{ entries: Entry[]; chainValid: boolean }> {
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
      comment: row.comment,
      dataDigest: row.data_digest,
      definitionVersion: row.definition_version,
      prevHash: prev_hash,
      hash,
    };
  });
  return { entries, chainValid };
}

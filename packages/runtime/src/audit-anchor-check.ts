import type { Kysely } from 'kysely';
import {
  type AuditAnchor,
  type CheckpointEntry,
  checkpointDigest,
  checkpointText,
  GENESIS_DIGEST,
} from './audit-checkpoint';
import { type AuditKey, headText } from './audit-key';
import { type BrokenLink, type ChainWalk, summarise, walkChains } from './audit-verifier';
import type { Database } from './database/db-schema';

/** What the anchors found wrong; `instanceId` names the case, `checkpoint` the checkpoint. */
export type AnchorFindingKind =
  /** The chain has fewer rows than its head says: rows at its end were deleted. */
  | 'tail-deleted'
  /** The chain's hash at the head's seq is not the head's: the chain was rewritten (rehashed). */
  | 'head-mismatch'
  /** The head's MAC does not hold under the key: the head was rewritten with the chain. */
  | 'head-mac-invalid'
  | 'head-unsigned'
  /** A chain without a head, after the adoption: its head row was deleted. */
  | 'head-missing'
  /** A head, or a checkpoint's entry, names a case that has no audit rows left. */
  | 'chain-deleted'
  /** A checkpoint (or the anchor) saw the chain longer than it is now. */
  | 'chain-shortened'
  /** A checkpoint (or the anchor) saw another hash at that seq: the chain was rewritten. */
  | 'chain-rewritten'
  | 'checkpoint-missing'
  /** A checkpoint's digest does not follow from its content and the one before: it was edited. */
  | 'checkpoint-altered'
  | 'checkpoint-mac-invalid'
  | 'checkpoint-unsigned'
  /** MACs made with a key other than the ones given (counted once per key id). */
  | 'wrong-key'
  /** The anchor kept outside names a checkpoint the database no longer has, or another digest. */
  | 'anchor-missing'
  | 'anchor-mismatch'
  | 'anchor-mac-invalid';

export interface AnchorFinding {
  kind: AnchorFindingKind;
  instanceId?: string;
  checkpoint?: number;
  detail: string;
}

export interface AnchorCheckOptions {
  /** The audit key first, then earlier keys still trusted (rotation). Empty: MACs are not checked. */
  keys?: readonly AuditKey[];
  /** An anchor kept outside the database: the chains it covered must all still be there. */
  anchor?: AuditAnchor;
  instanceId?: string;
}

export interface AnchorCheckReport {
  /** Audit rows walked, and the first broken link of each chain (as `verifyAudit`). */
  checked: number;
  broken: BrokenLink[];
  heads: number;
  checkpoints: number;
  /** False without a key: hashes, heads and checkpoints compared, but no MAC checked. */
  macsChecked: boolean;
  /** False before the adoption (heads of chains older than the heads table not yet computed). */
  adopted: boolean;
  findings: AnchorFinding[];
}

/**
 * Checks the audit trail against its anchors: every chain's hash links; its head (the chain is as
 * long as the head says and ends in its hash; the head's MAC holds); the checkpoints (their digest
 * chain, their MACs, and every chain head they listed is still there, as long, with the same hash);
 * and, given one, an anchor kept outside the database (its checkpoint is still there with the same
 * digest, and no chain it covered was shortened or removed).
 */
export async function checkAuditAnchors(
  db: Kysely<Database>,
  options: AnchorCheckOptions = {},
): Promise<AnchorCheckReport> {
  const keys = new Map((options.keys ?? []).map((k) => [k.id, k]));
  const findings: AnchorFinding[] = [];
  const wrongKeys = new Map<string, number>();
  const macHolds = (
    keyId: string | null,
    mac: string | null,
    text: string,
  ): boolean | 'unsigned' | 'wrong-key' => {
    if (!mac || !keyId) return 'unsigned';
    const key = keys.get(keyId);
    if (!key) {
      wrongKeys.set(keyId, (wrongKeys.get(keyId) ?? 0) + 1);
      return 'wrong-key';
    }
    return key.verify(text, mac);
  };
  const chains = await walkChains(db, options.instanceId);
  let headsQuery = db.selectFrom('audit_heads').select(['instance_id', 'seq', 'hash', 'mac', 'key_id']);
  if (options.instanceId) headsQuery = headsQuery.where('instance_id', '=', options.instanceId);
  const heads = await headsQuery.execute();
  const adopted = (await db.selectFrom('audit_adoption').select('id').executeTakeFirst()) !== undefined;

  const headed = new Set<string>();
  for (const head of heads) {
    headed.add(head.instance_id);
    const chain = chains.get(head.instance_id);
    const finding = chainAgainst(head.instance_id, head.seq, head.hash, chain, 'its head');
    if (finding) findings.push({ ...finding, kind: HEAD_KINDS[finding.kind] ?? finding.kind });
    if (keys.size === 0) continue;
    const mac = macHolds(head.key_id, head.mac, headText(head.instance_id, head.seq, head.hash));
    if (mac === 'unsigned')
      findings.push({ kind: 'head-unsigned', instanceId: head.instance_id, detail: 'its head has no MAC' });
    else if (mac === false)
      findings.push({
        kind: 'head-mac-invalid',
        instanceId: head.instance_id,
        detail: `the MAC of its head (row ${head.seq}) does not hold: the chain was edited and rehashed, or the head rewritten`,
      });
  }
  if (adopted)
    for (const [instanceId, chain] of chains)
      if (!headed.has(instanceId))
        findings.push({
          kind: 'head-missing',
          instanceId,
          detail: `${chain.rows} audit row(s) but no chain head: the head was deleted`,
        });

  const checkpoints = await replayCheckpoints(db, options, findings, macHolds, keys.size > 0);
  for (const [instanceId, [, seq, hash]] of checkpoints.state) {
    if (options.instanceId && instanceId !== options.instanceId) continue;
    const finding = chainAgainst(
      instanceId,
      seq,
      hash,
      chains.get(instanceId),
      `checkpoint ${checkpoints.seenAt.get(instanceId)}`,
    );
    if (finding) findings.push({ ...finding, checkpoint: checkpoints.seenAt.get(instanceId) });
  }
  if (checkpoints.anchorState)
    for (const [instanceId, [, seq, hash]] of checkpoints.anchorState) {
      if (options.instanceId && instanceId !== options.instanceId) continue;
      const finding = chainAgainst(instanceId, seq, hash, chains.get(instanceId), 'the anchor');
      if (finding) findings.push({ ...finding, checkpoint: options.anchor?.seq });
    }
  for (const [keyId, count] of wrongKeys)
    findings.push({
      kind: 'wrong-key',
      detail: `${count} MAC(s) were made with key ${keyId}, not with the key given (${[...keys.keys()].join(', ')})`,
    });
  return {
    ...summarise(chains),
    heads: heads.length,
    checkpoints: checkpoints.count,
    macsChecked: keys.size > 0,
    adopted,
    findings: dedupe(findings),
  };
}

/** What a chain that does not match its own head means. */
const HEAD_KINDS: Partial<Record<AnchorFindingKind, AnchorFindingKind>> = {
  'chain-shortened': 'tail-deleted',
  'chain-rewritten': 'head-mismatch',
};

/** The chain against a seq and hash something vouched for: still there, as long, the same hash. */
function chainAgainst(
  instanceId: string,
  seq: number,
  hash: string,
  chain: ChainWalk | undefined,
  who: string,
): AnchorFinding | undefined {
  if (!chain) return { kind: 'chain-deleted', instanceId, detail: `no audit rows, but ${who} saw ${seq}` };
  if (chain.hashes.length < seq)
    return {
      kind: 'chain-shortened',
      instanceId,
      detail: `the chain ends at row ${chain.hashes.length}, but ${who} saw row ${seq}`,
    };
  if (chain.hashes[seq - 1] !== hash)
    return {
      kind: 'chain-rewritten',
      instanceId,
      detail: `row ${seq} has another hash than ${who} saw: the chain was rewritten`,
    };
  return undefined;
}

type MacCheck = (
  keyId: string | null,
  mac: string | null,
  text: string,
) => boolean | 'unsigned' | 'wrong-key';

/**
 * Refolds the checkpoints in order: each digest must follow from its content and the one before,
 * its MAC must hold; the state (each chain's last listed head) is what the latest vouches for, and
 * the state at the anchor's checkpoint what the anchor vouches for.
 */
async function replayCheckpoints(
  db: Kysely<Database>,
  options: AnchorCheckOptions,
  findings: AnchorFinding[],
  macHolds: MacCheck,
  withKey: boolean,
) {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  const state = new Map<string, CheckpointEntry>();
  const seenAt = new Map<string, number>();
  let anchorState: Map<string, CheckpointEntry> | undefined;
  let prevDigest = GENESIS_DIGEST;
  let expected = 1;
  for (const row of rows) {
    if (row.seq !== expected)
      findings.push({
        kind: 'checkpoint-missing',
        checkpoint: expected,
        detail: `checkpoint(s) ${expected}…${row.seq - 1} deleted`,
      });
    const entries = row.entries as CheckpointEntry[];
    const at = new Date(row.at).toISOString();
    for (const entry of entries) {
      state.set(entry[0], entry);
      seenAt.set(entry[0], row.seq);
    }
    const digest = checkpointDigest(row.prev_digest, row.seq, at, row.chains, entries);
    if (digest !== row.digest || row.prev_digest !== prevDigest || state.size !== row.chains)
      findings.push({
        kind: 'checkpoint-altered',
        checkpoint: row.seq,
        detail: 'its digest does not follow from its content and the checkpoint before it',
      });
    if (withKey) {
      const mac = macHolds(row.key_id, row.mac, checkpointText(row.digest));
      if (mac === 'unsigned')
        findings.push({ kind: 'checkpoint-unsigned', checkpoint: row.seq, detail: 'it has no MAC' });
      else if (mac === false)
        findings.push({
          kind: 'checkpoint-mac-invalid',
          checkpoint: row.seq,
          detail: 'its MAC does not hold',
        });
    }
    if (options.anchor && row.seq === options.anchor.seq) {
      anchorState = new Map(state);
      if (digest !== options.anchor.digest || row.digest !== options.anchor.digest)
        findings.push({
          kind: 'anchor-mismatch',
          checkpoint: row.seq,
          detail: 'the checkpoint the anchor names has another digest now: the trail before it was rewritten',
        });
    }
    prevDigest = row.digest;
    expected = row.seq + 1;
  }
  const anchor = options.anchor;
  if (anchor && !anchorState)
    findings.push({
      kind: 'anchor-missing',
      checkpoint: anchor.seq,
      detail: `the anchor's checkpoint ${anchor.seq} (${anchor.at}, ${anchor.chains} chains) is no longer in the database`,
    });
  if (anchor && withKey) {
    const mac = macHolds(anchor.keyId, anchor.mac, checkpointText(anchor.digest));
    if (mac === false || mac === 'unsigned')
      findings.push({
        kind: 'anchor-mac-invalid',
        checkpoint: anchor.seq,
        detail: "the anchor's MAC does not hold",
      });
  }
  return { state, seenAt, anchorState, count: rows.length };
}

/** One finding per kind and case (or checkpoint): the head, checkpoints and anchor often agree. */
function dedupe(findings: AnchorFinding[]): AnchorFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.instanceId ?? ''}|${f.instanceId ? '' : (f.checkpoint ?? '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

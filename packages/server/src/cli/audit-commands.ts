import {
  type AnchorCheckReport,
  type AuditAnchor,
  adoptAuditHeads,
  CaseRuntime,
  checkAuditAnchors,
  checkStepRecords,
  openDatabase,
  type RecordFinding,
  replayCases,
} from '@flowform/runtime';
import { loadConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { readAnchor, withAuditSession } from './audit-key-cli';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';
import { WHAT_IF_HELP, whatIfCommand } from './what-if-command';

const VERIFY_HELP = `Usage: flowform verify-audit [--instance id] [--anchor file|json] [--json]

Walks every case's audit hash chain (hash = sha256(prev_hash ‖ canonical row)) and checks it
against its anchors: the case's chain head (its last seq and hash, MACed with the audit key) and
the checkpoints over all heads, and ties each step record (what a person submitted at a step) to
its audit row: every start and completion has one, exactly as its row gives it. Names each case whose row was edited, whose last rows or whole
chain were deleted, or whose chain was edited and rehashed (its head's MAC fails).
  --anchor   an anchor printed earlier by \`flowform audit-anchor\` (its JSON, or a file holding it):
             checks the database still holds every chain it covered, none shortened or removed
Without the audit key (FLOWFORM_AUDIT_KEY, FLOWFORM_AUDIT_KEY_FILE, or the PGlite key file beside
./data) hashes, heads and checkpoints are still compared, but no MAC is checked, and it says so.
With the key, on a database older than the heads, the heads are computed first (reported as adopted).
Exit 1 when anything is found. Uses DATABASE_URL, else ./data.`;

const REPLAY_HELP = `Usage: flowform replay (--instance id | --all) [--json]

Refolds each case's audit log through the pure engine against the definition versions it ran on
(a migrated case: before its migration on the old version, after it on the new) and compares the
result with the stored snapshot. Exit 1 when any case differs or fails to replay.

${WHAT_IF_HELP}`;

async function withDatabase<T>(run: (runtime: CaseRuntime) => Promise<T>): Promise<T> {
  const open = await openDatabase(loadConfig().database, serverMigrations);
  try {
    return await run(new CaseRuntime({ db: open.db }));
  } finally {
    await open.close();
  }
}

/** `flowform verify-audit`: tamper evidence for the audit trail. */
export async function verifyAuditCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['json', 'help'], string: ['instance', 'anchor'] });
  if (flags.help) {
    io.out(VERIFY_HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, VERIFY_HELP].join('\n'));
    return 2;
  }
  let anchor: AuditAnchor | undefined;
  try {
    anchor = flags.strings.anchor === undefined ? undefined : readAnchor(flags.strings.anchor);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const { report, adopted, keySource, records } = await withAuditSession(
    async ({ open, keys, keySource }) => {
      const adopted = keys[0] ? await adoptAuditHeads(open.db, keys[0]) : undefined;
      const report = await checkAuditAnchors(open.db, {
        keys,
        ...(anchor && { anchor }),
        ...(flags.strings.instance && { instanceId: flags.strings.instance }),
      });
      const records = await checkStepRecords(open.db, flags.strings.instance);
      return { report, adopted, keySource, records };
    },
  );
  if (flags.json) io.out(JSON.stringify({ ...report, records, adoptedNow: adopted ?? [] }));
  else io.out([...reportText(report, adopted, keySource, anchor), ...recordText(records)].join('\n'));
  return report.broken.length > 0 || report.findings.length > 0 || records.length > 0 ? 1 : 0;
}

/** The report as lines: what is wrong, case by case, then what was checked and with what. */
function reportText(
  report: AnchorCheckReport,
  adopted: string[] | undefined,
  keySource: string,
  anchor: AuditAnchor | undefined,
): string[] {
  const lines: string[] = [];
  if (adopted && adopted.length > 0)
    lines.push(
      `adopted ${adopted.length} chain(s) written before chain heads existed: their heads were computed now and MACed`,
    );
  for (const b of report.broken)
    lines.push(`case ${b.instanceId}: chain broken at row ${b.seq} (${b.reason})`);
  for (const f of report.findings) {
    const where = f.instanceId
      ? `case ${f.instanceId}`
      : f.checkpoint
        ? `checkpoint ${f.checkpoint}`
        : 'audit';
    lines.push(`${where}: ${f.kind}: ${f.detail}`);
  }
  lines.push(`${report.checked} audit row(s) checked, ${report.broken.length} broken chain(s)`);
  lines.push(
    `${report.heads} chain head(s), ${report.checkpoints} checkpoint(s)${anchor ? `, anchor checkpoint ${anchor.seq}` : ''}, ${report.findings.length} finding(s)`,
  );
  lines.push(
    report.macsChecked
      ? `anchors (head and checkpoint MACs) checked with ${keySource}`
      : 'anchors NOT checked: no audit key (set FLOWFORM_AUDIT_KEY or FLOWFORM_AUDIT_KEY_FILE); hashes, heads and checkpoints were compared without their MACs',
  );
  return lines;
}

/** The step records' findings, then their count. */
function recordText(records: RecordFinding[]): string[] {
  return [
    ...records.map((f) => `case ${f.instanceId}: ${f.kind}: ${f.detail}`),
    `${records.length} step record finding(s)`,
  ];
}

/** `flowform replay`: the audit log reproduces every snapshot. */
export async function replayCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    boolean: ['json', 'help', 'all'],
    string: ['instance', 'against', 'draft', 'file'],
  });
  if (flags.help) {
    io.out(REPLAY_HELP);
    return 0;
  }
  if (flags.errors.length === 0 && (flags.strings.against || flags.strings.draft || flags.strings.file))
    return whatIfCommand(flags, io);
  if (
    flags.errors.length > 0 ||
    (!flags.all && !flags.strings.instance) ||
    (flags.all && flags.strings.instance)
  ) {
    io.err([...flags.errors, 'flowform replay: give --instance id or --all', REPLAY_HELP].join('\n'));
    return 2;
  }
  const reports = await withDatabase((runtime) => replayCases(runtime, flags.strings.instance));
  const bad = reports.filter((r) => r.status !== 'same');
  if (flags.json) io.out(JSON.stringify({ cases: reports.length, differing: bad }));
  else {
    for (const r of bad) {
      const note = r.directoryChanged
        ? ' (some of its commands ran on a directory version older than the kept history; replayed on today’s)'
        : '';
      io.out(`case ${r.instanceId}: ${r.status}${r.message ? `: ${r.message}` : ''}${note}`);
    }
    io.out(`${reports.length} case(s) replayed, ${bad.length} differ`);
  }
  return bad.length > 0 ? 1 : 0;
}

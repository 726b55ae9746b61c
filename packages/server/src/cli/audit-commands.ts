import { CaseRuntime, openDatabase, replayCases, verifyAudit } from '@flowform/runtime';
import { loadConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const VERIFY_HELP = `Usage: flowform verify-audit [--instance id] [--json]

Walks every case's audit hash chain (hash = sha256(prev_hash ‖ canonical row)) and reports the
first broken link of each case. Exit 1 when any chain is broken. Uses DATABASE_URL, else ./data.`;

const REPLAY_HELP = `Usage: flowform replay (--instance id | --all) [--json]

Refolds each case's audit log through the pure engine against its pinned definition version and
compares the result with the stored snapshot. Exit 1 when any case differs or fails to replay.`;

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
  const flags = parseFlags(args, { boolean: ['json', 'help'], string: ['instance'] });
  if (flags.help) {
    io.out(VERIFY_HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, VERIFY_HELP].join('\n'));
    return 2;
  }
  const result = await withDatabase((runtime) => verifyAudit(runtime.db, flags.strings.instance));
  if (flags.json) io.out(JSON.stringify(result));
  else {
    for (const b of result.broken) io.out(`case ${b.instanceId}: chain broken at row ${b.seq} (${b.reason})`);
    io.out(`${result.checked} audit row(s) checked, ${result.broken.length} broken chain(s)`);
  }
  return result.broken.length > 0 ? 1 : 0;
}

/** `flowform replay`: the audit log reproduces every snapshot. */
export async function replayCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['json', 'help', 'all'], string: ['instance'] });
  if (flags.help) {
    io.out(REPLAY_HELP);
    return 0;
  }
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

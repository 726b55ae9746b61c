import { latestAnchor, writeCheckpoint } from '@flowform/runtime';
import { withAuditSession } from './audit-key-cli';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform audit-anchor [--checkpoint]

Prints the latest audit checkpoint as one line of JSON — {"seq", "at", "chains", "digest", "mac",
"keyId"} — to keep somewhere the database's administrators cannot write (a ticket, a mail, paper).
\`flowform verify-audit --anchor <it>\` later checks that the database still holds every chain it
covered: none shortened, none removed, nothing before it rewritten.
  --checkpoint   write a checkpoint first (with the audit key), without waiting for the timer worker
Exit 1 when there is no checkpoint yet. Uses DATABASE_URL, else ./data.`;

/** \`flowform audit-anchor\`: the latest checkpoint, for safe keeping outside the database. */
export async function auditAnchorCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help', 'checkpoint'], string: [] });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, HELP].join('\n'));
    return 2;
  }
  return withAuditSession(async ({ open, keys }) => {
    if (flags.checkpoint) {
      if (!keys[0]) {
        io.err(
          'flowform audit-anchor --checkpoint: no audit key (FLOWFORM_AUDIT_KEY or FLOWFORM_AUDIT_KEY_FILE)',
        );
        return 2;
      }
      await writeCheckpoint(open.db, keys[0]);
    }
    const anchor = await latestAnchor(open.db);
    if (!anchor) {
      io.err(
        'no audit checkpoint yet: the timer worker writes one when cases have moved (or use --checkpoint)',
      );
      return 1;
    }
    io.out(JSON.stringify(anchor));
    return 0;
  });
}

import { adminCommand } from './admin-commands';
import { auditAnchorCommand } from './audit-anchor-command';
import { replayCommand, verifyAuditCommand } from './audit-commands';
import { exportBpmnCommand, importBpmnCommand } from './bpmn-commands';
import { exportCommand, importCommand } from './bundle-commands';
import type { CliIo, CommandRunner } from './cli-io';
import { migrateCommand, seedCommand } from './database-commands';
import { directoryCommand } from './directory-commands';
import { lintCommand } from './lint-command';
import { simulateCommand } from './simulate-command';
import { startCommand } from './start-command';

const commands: Record<string, { run: CommandRunner; summary: string }> = {
  start: {
    run: startCommand,
    summary:
      'Migrate, first run (one administrator, or the demo with --demo) on an empty database, and serve the API and app',
  },
  admin: {
    run: adminCommand,
    summary: 'Create an administrator or reset a password: prints a one-time password (must be changed)',
  },
  directory: {
    run: directoryCommand,
    summary: 'Export the organisation as a spreadsheet (XLSX or CSV), or import one (--dry-run to preview)',
  },
  migrate: { run: migrateCommand, summary: 'Bring the database schema up to date' },
  seed: { run: seedCommand, summary: 'Load the demo directory and publish the shipped processes (--demo)' },
  export: { run: exportCommand, summary: 'Write a published definition and its forms as one bundle JSON' },
  import: { run: importCommand, summary: 'Lint and publish a bundle JSON as the next version' },
  'import-bpmn': {
    run: importBpmnCommand,
    summary: 'Map a BPMN 2.0 file to a draft definition; report every element (mapped, partial, not mapped)',
  },
  'export-bpmn': {
    run: exportBpmnCommand,
    summary: 'Write a published definition as BPMN 2.0 XML with a diagram (Camunda Modeler, bpmn.io)',
  },
  lint: {
    run: lintCommand,
    summary: 'Check process definitions: format, reachability, termination, people, CEL, forms',
  },
  simulate: {
    run: simulateCommand,
    summary:
      'Walk every path of a process on a virtual clock (or a script); report state/transition coverage',
  },
  'verify-audit': {
    run: verifyAuditCommand,
    summary:
      "Check every case's audit hash chain against its MACed head and the checkpoints; name what was tampered with",
  },
  'audit-anchor': {
    run: auditAnchorCommand,
    summary: 'Print the latest audit checkpoint (JSON) to keep outside the database',
  },
  replay: {
    run: replayCommand,
    summary: 'Refold audit logs against pinned definitions; report snapshots that differ',
  },
};

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Entry point of `npx flowform <command> …`; returns the process exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`flowform: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return [
    'Usage: flowform <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'flowform <command> --help' for a command's options.",
  ].join('\n');
}

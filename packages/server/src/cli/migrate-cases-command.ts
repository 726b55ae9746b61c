import type { MigrationPlan, MigrationReport } from '@flowform/runtime';
import { applyMigration, dryRunMigration } from '@flowform/runtime';
import { composeServer } from '../compose-server';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform migrate-cases <key> --from n --to m [--map old=new,…] [--votes state=carry|restart,…]
                              [--instance id] [--apply] [--by username] [--json]

Moves the running cases of version n to version m by a state mapping: states the new version has
map to themselves, --map names the targets of the others. Without --apply it is a dry run (where
each case would go, nothing written). With --apply each case moves in its own transaction with an
audit row naming the mapping (--by: who, default cli). A mapping that would strand a case is
refused with its problems (exit 1), and nothing moves.`;

/** \`flowform migrate-cases\`: the migration of the designer's 版本与发布 tab, from the command line. */
export async function migrateCasesCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    boolean: ['help', 'apply', 'json'],
    string: ['from', 'to', 'map', 'votes', 'instance', 'by'],
  });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  const key = flags.positional[0];
  const from = Number(flags.strings.from);
  const to = Number(flags.strings.to);
  const states = pairs(flags.strings.map);
  const votes = pairs(flags.strings.votes);
  const wrong = [
    ...flags.errors,
    ...(!key || flags.positional.length > 1 ? ['name one definition key'] : []),
    ...(!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1
      ? ['give --from and --to versions']
      : []),
    ...(states && votes ? [] : ['--map and --votes take name=value pairs separated by commas']),
    ...Object.values(votes ?? {})
      .filter((v) => v !== 'carry' && v !== 'restart')
      .map((v) => `--votes: '${v}' is neither carry nor restart`),
  ];
  if (wrong.length > 0) {
    io.err([...wrong.map((w) => `flowform migrate-cases: ${w}`), '', HELP].join('\n'));
    return 2;
  }
  const plan: MigrationPlan = {
    key: key!,
    from,
    to,
    states: states!,
    ...(Object.keys(votes!).length > 0 ? { votes: votes as MigrationPlan['votes'] } : {}),
    ...(flags.strings.instance ? { instanceIds: [flags.strings.instance] } : {}),
    actor: flags.strings.by ?? 'cli',
  };
  const { ctx, database } = await composeServer(loadConfig(), createLogger('silent'));
  let report: MigrationReport;
  try {
    report = await (flags.apply ? applyMigration : dryRunMigration)(ctx.runtime, plan);
  } catch (error) {
    io.err(`flowform migrate-cases: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
  if (flags.json) io.out(JSON.stringify(report));
  else io.out(reportLines(report, Boolean(flags.apply)).join('\n'));
  return report.problems.length > 0 || report.cases.some((c) => c.status === 'refused') ? 1 : 0;
}

/** `a=b,c=d` as a record; undefined when a pair is malformed. */
function pairs(text: string | undefined): Record<string, string> | undefined {
  if (!text) return {};
  const entries = text.split(',').map((pair) => pair.split('='));
  if (entries.some((e) => e.length !== 2 || !e[0] || !e[1])) return undefined;
  return Object.fromEntries(entries);
}

function reportLines(report: MigrationReport, applied: boolean): string[] {
  if (report.problems.length > 0)
    return [
      ...report.problems.map((p) => `${p.path}: ${p.code}: ${p.message}`),
      'the mapping would strand cases: nothing moved',
    ];
  const lines = report.cases.map((c) =>
    c.status === 'moved'
      ? `case ${c.instanceId}: ${applied ? 'moved' : 'would move'} ${c.from.join(', ')} → ${(c.to ?? []).join(', ')}`
      : `case ${c.instanceId}: ${c.status}${c.code ? ` (${c.code})` : ''}: ${c.message ?? ''}`,
  );
  const moved = report.cases.filter((c) => c.status === 'moved').length;
  lines.push(
    applied
      ? `${moved} of ${report.cases.length} case(s) moved with mapping ${report.mapping.id}`
      : `${moved} of ${report.cases.length} case(s) would move with mapping ${report.mapping.id} (dry run; --apply to migrate)`,
  );
  return lines;
}

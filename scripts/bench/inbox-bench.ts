// Inbox reads at 1,000,000 tasks: 200 roles with skewed popularity (the hottest ~17,000 open
// offered tasks), 10,000 users holding ~3 roles each. 200 "to do" reads for random users and 200
// for holders of the hottest role. The data set is built once (minutes) and kept in the database
// `flowform_bench_inbox`; `--rebuild` builds it again. Prints figures, then one JSON line.
import { loadDirectory, openDatabase, queryInbox } from '@flowform/runtime';
import { sql } from 'kysely';
import { databaseExists, databaseUrl, median, percentile, recreateDatabase, round } from './bench-support';
import { buildInboxData } from './inbox-data';

const DB = 'flowform_bench_inbox';

async function build(): Promise<void> {
  await recreateDatabase(DB);
  const open = await openDatabase({ url: databaseUrl(DB) });
  await buildInboxData(open.db);
  await sql`analyze`.execute(open.db);
  await open.close();
}

export async function run(args: string[]): Promise<void> {
  if (args.includes('--rebuild') || !(await databaseExists(DB))) await build();
  const open = await openDatabase({ url: databaseUrl(DB), poolSize: 4 });
  const { directory } = await loadDirectory(open.db);
  const { rows: hot } = await sql<{
    n: number;
  }>`select count(*)::int as n from task_candidates where role = 'r000'`.execute(open.db);
  const holders = directory.holders('r000', 'd');
  console.log(`hottest role r000: ${hot[0]!.n} open offered tasks, ${holders.length} holders`);
  const users = Array.from({ length: 200 }, (_, i) => `u${String((i * 7919) % 10000).padStart(5, '0')}`);
  const hotUsers = Array.from({ length: 200 }, (_, i) => holders[(i * 31) % holders.length]!);
  const time = async (list: string[], q?: (i: number) => string) => {
    const ms: number[] = [];
    for (const [i, user] of list.entries()) {
      const t0 = performance.now();
      await queryInbox(open.db, directory, { user, scope: 'todo', limit: 20, ...(q ? { q: q(i) } : {}) });
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  await time(users.slice(0, 20));
  const random = await time(users);
  const hotMs = await time(hotUsers);
  // A search of the hottest role's inbox for one applicant (case title and data, server-side).
  const searchMs = await time(hotUsers, (i) => `申请人${1 + ((i * 977) % 200000)}`);
  const result = {
    bench: 'inbox',
    p50_ms: round(median(random)),
    p99_ms: round(percentile(random, 99)),
    hot_p50_ms: round(median(hotMs)),
    hot_p99_ms: round(percentile(hotMs, 99)),
    search_p50_ms: round(median(searchMs)),
    search_p99_ms: round(percentile(searchMs, 99)),
    hot_role_open_tasks: hot[0]!.n,
  };
  console.log(
    `random users: p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms; hottest-role holders: p50 ${result.hot_p50_ms} ms, p99 ${result.hot_p99_ms} ms; search by applicant: p50 ${result.search_p50_ms} ms, p99 ${result.search_p99_ms} ms`,
  );
  await open.close();
  console.log(JSON.stringify(result));
}

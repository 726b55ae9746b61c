// A runtime process under load for the crash test: drives expense cases with 8 concurrent
// loops until it is killed. argv: <databaseUrl>
import { CaseRuntime } from '../case-runtime';
import { openDatabase } from '../database/open-database';

const [url] = process.argv.slice(2);
const open = await openDatabase({ url: url!, poolSize: 8 });
const runtime = new CaseRuntime({ db: open.db });
const as = (username: string) => ({ username });

async function loop(): Promise<void> {
  for (;;) {
    const { instanceId } = await runtime.start({
      definitionKey: 'expense',
      data: { amount: 100, reason: '负载', unit: 's1' },
      actor: as('w1'),
    });
    const review = (await runtime.snapshot(instanceId))!.tasks[0]!.id;
    await runtime.execute(
      instanceId,
      { type: 'complete', taskId: review, outcome: 'approve', data: { opinion: '同意报销' } },
      as('sec'),
    );
    const snap = (await runtime.snapshot(instanceId))!;
    for (const task of snap.tasks.filter((t) => t.signer)) {
      await runtime
        .execute(instanceId, { type: 'complete', taskId: task.id, outcome: 'approve' }, as(task.signer!))
        .catch(() => undefined);
    }
    process.stdout.write('.');
  }
}

await Promise.all(Array.from({ length: 8 }, loop));

// A separate runtime process for the multi-process timer tests: fires due timers until none are
// left, then exits. argv: <databaseUrl> <workerId> [delayMsPerFire] [lockSeconds]
import { CaseRuntime } from '../case-runtime';
import { openDatabase } from '../database/open-database';
import { TimerWorker } from '../timer-worker';

const [url, workerId, delayMs = '0', lockSeconds = '30'] = process.argv.slice(2);
const open = await openDatabase({ url: url!, poolSize: 4 });
const runtime = new CaseRuntime({ db: open.db });
const delay = Number(delayMs);
if (delay > 0) {
  const execute = runtime.execute.bind(runtime);
  runtime.execute = async (...args) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    return execute(...args);
  };
}
const worker = new TimerWorker({ runtime, workerId: workerId!, lockSeconds: Number(lockSeconds), batch: 25 });
let fired = 0;
const giveUpAt = Date.now() + 120_000;
// Run until no timer is left (others' expired leases included), or give up after two minutes.
while (Date.now() < giveUpAt) {
  const n = await worker.runOnce();
  fired += n;
  if (n > 0) continue;
  const left = await open.db.selectFrom('timers').select('id').limit(1).execute();
  if (left.length === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
process.stdout.write(`${JSON.stringify({ workerId, fired })}\n`);
await open.close();

// A separate runtime process for the multi-process schedule test: at the given (virtual) time, runs
// the schedules until nothing more starts, then exits. argv: <databaseUrl> <workerId> <nowIso>
import { CaseRuntime } from '../case-runtime';
import { openDatabase } from '../database/open-database';
import { TimerWorker } from '../timer-worker';

const [url, workerId, now] = process.argv.slice(2);
const open = await openDatabase({ url: url!, poolSize: 4 });
const clock = () => now!;
const runtime = new CaseRuntime({ db: open.db, clock });
const worker = new TimerWorker({ runtime, workerId: workerId!, clock });
let started = 0;
for (let n = await worker.runSchedules(); n > 0; n = await worker.runSchedules()) started += n;
process.stdout.write(`${JSON.stringify({ workerId, started })}\n`);
await open.close();

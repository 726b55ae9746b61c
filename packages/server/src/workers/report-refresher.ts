import type { ServerContext } from '../server-context';
import { freshReports, REPORTS_MAX_AGE_MS } from '../services/reports/report-freshness';

/** How often the report summaries and the open-work snapshot are brought up to date. */
const INTERVAL_MS = REPORTS_MAX_AGE_MS;

/**
 * Keeps the dashboards' figures fresh in the background, so a dashboard rarely finds them older
 * than REPORTS_MAX_AGE_MS and pays for the refresh itself.
 */
export function reportRefresher(ctx: ServerContext, onError: (error: unknown, where: string) => void) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = async () => {
    try {
      // a little under the interval: another server process may have just done it
      await freshReports(ctx.db, ctx.clock(), INTERVAL_MS - 5_000);
    } catch (error) {
      onError(error, 'reports');
    }
  };
  return {
    start() {
      timer = setInterval(() => {
        running ??= tick().finally(() => {
          running = undefined;
        });
      }, INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

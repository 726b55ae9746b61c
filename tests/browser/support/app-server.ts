import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '@flowform/server';
import { build } from 'vite';

const DESIGNER = join(import.meta.dirname, '../../../packages/designer');

/** Cheap password hashing for tests (the real cost is for `flowform start`). */
const TEST_HASH = { N: 1024, r: 8, p: 1 };

const silent = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

/** The web app built by Vite into a fresh folder (the same build `npm run build` makes). */
export async function buildWebApp(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'flowform-web-'));
  await build({
    configFile: join(DESIGNER, 'vite.config.ts'),
    root: DESIGNER,
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true },
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The real server on embedded PGlite in a fresh data folder, seeded with the demo (or, with
 * `firstRun: 'admin'`, as a production first run: only `admin` with a one-time password),
 * listening on a free port of 127.0.0.1 (or `env`'s PORT) and serving the given web app build;
 * `env` adds settings as the environment would (FLOWFORM_OIDC_*, FLOWFORM_PUBLIC_URL);
 * `demoCases` also starts the demo's cases in progress (as `flowform start --demo` does).
 */
export async function startAppServer(
  staticDir: string,
  firstRun: 'demo' | 'admin' = 'demo',
  options: { demoCases?: boolean; env?: Record<string, string> } = {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowform-data-'));
  const config = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', FLOWFORM_DATA_DIR: dataDir, ...options.env }),
    staticDir,
  };
  const running = await startServer(config, silent, {
    firstRun,
    hashParams: TEST_HASH,
    demoCases: options.demoCases,
  });
  return {
    url: `http://127.0.0.1:${running.port}`,
    ctx: running.ctx,
    seeded: running.seeded,
    close: async () => {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
      // The audit key the first start generated beside the data folder.
      await rm(`${dataDir}.audit-key`, { force: true });
    },
  };
}

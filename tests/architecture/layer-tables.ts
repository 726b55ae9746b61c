/**
 * The declared layers of each package root, highest first: an import may go to its own module or
 * down, never up; modules of one layer import each other only as `allow` says. Plain data: add a
 * package by adding its table to LAYER_TABLES. A root inside another root (the visual designer in
 * the web app) is one module of the outer table and has its own table inside.
 */
import type { LayerTable } from './layer-check';

/** The web app: the composition on top, shared state below the features, the server client at the foot. */
export const WEB_APP: LayerTable = {
  root: 'packages/designer/src',
  layers: [
    ['main.tsx', 'asset-url.d.ts'],
    ['app'],
    ['features/*'],
    ['state'],
    ['forms'],
    ['ui'],
    ['i18n'],
    ['api'],
  ],
  allow: [
    // the started-cases list is the inbox's fourth tab: it shares the inbox's tabs, keys and names
    ['features/case', 'features/inbox'],
    // a task's summary marks it overdue by the inbox's rule
    ['features/task', 'features/inbox'],
    // the case graph is the designer's canvas, read only: same layout, nodes and edges (a lazy chunk)
    ['features/case', 'features/designer'],
    // the case page offers 挂起 / 恢复 / 取消 and the 已挂起 badge; inbox rows mark suspended tasks
    ['features/case', 'features/lifecycle'],
    ['features/inbox', 'features/lifecycle'],
    // a task of a suspended case says so, with the reason
    ['features/task', 'features/lifecycle'],
  ],
};

/** The visual designer: the page composes the panels, which share the state over the commands and model. */
export const VISUAL_DESIGNER: LayerTable = {
  root: 'packages/designer/src/features/designer',
  layers: [
    ['page'],
    ['canvas', 'properties', 'forms', 'data', 'schedules', 'simulator', 'versions'],
    ['lint', 'inputs'],
    ['state'],
    ['commands', 'api'],
    ['model'],
    ['i18n', 'build', 'engine-browser'],
  ],
};

/**
 * The server: test support and the CLI on top, the composition (app, compose-server) over the
 * routes and workers, the demo seed and the organisation's management (directory changes, sheets)
 * over the services, services over the shared `ServerContext` type, which sits over what it names
 * (live events, HTTP helpers, auth, the database and config) at the foot.
 */
export const SERVER: LayerTable = {
  root: 'packages/server/src',
  layers: [
    ['testing', 'security', 'end-to-end.test.ts'],
    ['cli'],
    ['index.ts'],
    ['server.ts'],
    ['app.ts', 'compose-server.ts'],
    ['api', 'workers'],
    ['seed', 'organisation'],
    ['services'],
    ['notifications'],
    ['server-context.ts'],
    ['live'],
    ['http'],
    ['auth'],
    ['database', 'config'],
  ],
};

/**
 * The engine core: the entries on top, the simulator over lint over the step, which drives the
 * machine; voting, forms and assignment below it; CEL expressions and the definition format at the foot.
 */
export const ENGINE: LayerTable = {
  root: 'packages/engine/src',
  layers: [
    ['index.ts', 'browser.ts', 'testing.ts', 'platform-globals.d.ts'],
    ['node-ports.ts', 'browser-ports.ts'],
    ['core.ts'],
    ['simulation', 'migration'],
    ['lint'],
    ['visibility'],
    ['stepping', 'scheduling'],
    ['machine'],
    ['voting', 'forms'],
    ['assignment', 'computed'],
    ['expressions'],
    ['calendar'],
    ['definition'],
  ],
};

/**
 * The durable runtime: the entry and test support on top, the workers and after-crash checks over
 * the case runtime, which loads, steps and writes through the stores and the write statement; the
 * audit anchors' check over their checkpoints over the housekeeping; the change set, the audit
 * chain, the audit key and the database schema near the foot, and under them what a search
 * matches (a migration rewrites search text).
 */
export const RUNTIME: LayerTable = {
  root: 'packages/runtime/src',
  layers: [
    ['index.ts', 'testing'],
    [
      'timer-worker.ts',
      'outbox-worker.ts',
      'replay-check.ts',
      'consistency-check.ts',
      'audit-anchor-check.ts',
      'migration-run.ts',
    ],
    ['what-if-check.ts', 'step-record-check.ts', 'schedule-firer.ts'],
    ['audit-checkpoint.ts', 'case-history.ts'],
    ['case-runtime.ts', 'housekeeping.ts'],
    [
      'write-batcher.ts',
      'writes',
      'snapshot-cache.ts',
      'unique-values.ts',
      'definition-store.ts',
      'directory-store.ts',
      'calendar-store.ts',
      'inbox-queries.ts',
    ],
    ['case-write.ts', 'audit-verifier.ts', 'list-cursor.ts', 'inbox-search.ts'],
    ['change-set.ts', 'runtime-error.ts'],
    ['step-record.ts'],
    ['audit-chain.ts', 'audit-key.ts', 'database'],
    ['search-text.ts'],
  ],
};

/**
 * BPMN import and export: the entry on top; import and export side by side (neither uses the
 * other); the graph reader under import; bpmn-moddle and the `flowform:` extension at the foot.
 */
export const BPMN: LayerTable = {
  root: 'packages/bpmn/src',
  layers: [['index.ts'], ['import', 'export'], ['graph'], ['moddle']],
};

export const LAYER_TABLES: LayerTable[] = [WEB_APP, VISUAL_DESIGNER, SERVER, ENGINE, RUNTIME, BPMN];

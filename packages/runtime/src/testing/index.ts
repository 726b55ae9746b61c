// Test support for suites outside this package that run on the real runtime (scenario drivers).

export {
  deleteChain,
  deleteTailRow,
  editAndRehash,
  editRow,
  loopBundle,
  TEST_AUDIT_KEY,
} from './audit-tamper';
export { concurrencyBackends, createScratchDatabase, openTestDatabase, testBackends } from './test-database';

// Test support for suites outside this package that run on the real runtime (scenario drivers).
export { concurrencyBackends, createScratchDatabase, openTestDatabase, testBackends } from './test-database';

// Fixtures for tests of packages built on the engine (the runtime's storage suites): a small
// expense process with its forms, a multi-instance scoring process and a directory to run them on.
// Not part of the core's surface.
export { expenseBundle, smallDirectory } from './stepping/fixtures/expense-bundle';
export { scoringBundle } from './stepping/fixtures/scoring-bundle';

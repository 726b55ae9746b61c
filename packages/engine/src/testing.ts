// Fixtures for tests of packages built on the engine (the runtime's storage suites): a small
// expense process with its forms and a directory to run it on. Not part of the core's surface.
export { expenseBundle, smallDirectory } from './stepping/fixtures/expense-bundle';

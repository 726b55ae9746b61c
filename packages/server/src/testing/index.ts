// Test support for suites outside this package that drive the real app (the API fuzzer).
export { openTestServer, type TestServerOptions } from './test-server';

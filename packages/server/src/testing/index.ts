// Test support for suites outside this package that drive the real app (the API fuzzer).
export { outboxDelivery } from './outbox-delivery';
export { openTestServer, type TestServerOptions } from './test-server';

// Test support for suites outside this package that drive the real app (the API fuzzer).
// The OpenID Connect test provider is its own entry, `@flowform/server/testing/oidc-provider`.
export { outboxDelivery } from './outbox-delivery';
export { openTestServer, type TestServerOptions } from './test-server';

// Test support for suites outside this package that drive the real app (the API fuzzer).
// The OpenID Connect test provider is its own entry, `@flowform/server/testing/oidc-provider`.
export { outboxDelivery } from './outbox-delivery';
export { openTestServer, type TestServerOptions } from './test-server';
export * as reportFigures from '../services/reports/report-figures';
export { refreshOpenSnapshot } from '../services/reports/open-snapshot';
export { reportDashboard } from '../services/reports/report-dashboard';
export { refreshReports } from '../services/reports/report-refresh';
export { freshReports } from '../services/reports/report-freshness';
export { reportViewer } from '../services/reports/report-viewer';

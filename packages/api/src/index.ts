// Public surface of the HTTP contract: schemas and routes (values, for the server) and the types
// derived from them (for the web app, which imports them with `import type` only).

export * from './account-admin-contract';
export * from './all-routes';
export * from './attachment-contract';
export * from './auth-contract';
export * from './case-contract';
export * from './case-lifecycle-contract';
export * from './common-schemas';
export type * from './contract-types';
export * from './definition-admin-contract';
export * from './definition-contract';
export * from './demo-contract';
export * from './designer-contract';
export * from './directory-contract';
export * from './event-contract';
export * from './json-limits';
export * from './me-contract';
export * from './migration-contract';
export * from './notification-contract';
export * from './oidc-contract';
export * from './organisation-contract';
export * from './report-contract';
export * from './saved-filter-contract';
export * from './calendar-contract';
export * from './task-command-contract';
export * from './task-contract';
export * from './task-subject-contract';

/**
 * The server calls the designer makes (administrators only), through the web app's API client;
 * every request and answer is typed by the HTTP contract (`@flowform/api`), none by hand.
 */
import type {
  calendarContract,
  definitionAdminContract,
  designerContract,
  Json,
  JsonRequest,
  migrationContract,
} from '@flowform/api';
import { request } from '../../../api/http';
import type { DesignDoc } from '../model/design-doc';

const enc = encodeURIComponent;

/** A published version of a definition, with its running cases. */
export type VersionSummary = Json<typeof designerContract.detail, 200>['versions'][number];

/** A mapping as the administrator edited it (the migration routes' body). */
export type MigrationRequest = JsonRequest<typeof migrationContract.migrate>;
/** The answer of a dry run or a migration. */
export type MigrationReport = Json<typeof migrationContract.migrate, 200>;
/** The proposal between two versions with the running cases per state. */
export type MigrationProposal = Json<typeof migrationContract.proposal, 200>;
/** The what-if answer: one verdict per running case. */
export type WhatIfAnswer = Json<typeof migrationContract.whatIf, 200>;

export const designerApi = {
  list: () => request<Json<typeof designerContract.list, 200>>('GET', '/api/designer/definitions'),
  open: (key: string) =>
    request<Json<typeof designerContract.detail, 200>>('GET', `/api/designer/definitions/${enc(key)}`),
  directory: () => request<Json<typeof designerContract.directory, 200>>('GET', '/api/designer/directory'),
  saveDraft: (key: string, doc: DesignDoc) =>
    request<Json<typeof definitionAdminContract.putDraft, 200>>('PUT', `/api/definitions/${enc(key)}/draft`, {
      body: doc,
    }),
  /** A last save while the page goes away: `keepalive` lets it finish after unload. */
  saveDraftOnExit: (key: string, doc: DesignDoc) =>
    fetch(`/api/definitions/${enc(key)}/draft`, {
      method: 'PUT',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'flowform' },
      body: JSON.stringify(doc),
    }).catch(() => undefined),
  lint: (key: string, doc: DesignDoc) =>
    request<Json<typeof definitionAdminContract.lint, 200>>('POST', `/api/definitions/${enc(key)}/lint`, {
      body: doc,
    }),
  publish: (key: string) =>
    request<Json<typeof definitionAdminContract.publish, 201>>(
      'POST',
      `/api/definitions/${enc(key)}/publish`,
    ),
  migrationProposal: (key: string, from: number, to: number) =>
    request<MigrationProposal>('GET', `/api/definitions/${enc(key)}/migration?from=${from}&to=${to}`),
  whatIf: (key: string, body: JsonRequest<typeof migrationContract.whatIf>) =>
    request<WhatIfAnswer>('POST', `/api/definitions/${enc(key)}/what-if`, { body }),
  dryRunMigration: (key: string, body: MigrationRequest) =>
    request<MigrationReport>('POST', `/api/definitions/${enc(key)}/migration/dry-run`, { body }),
  /** A schedule's next five fires on the server's working-day calendar (422 for no rule). */
  schedulePreview: (body: JsonRequest<typeof calendarContract.preview>) =>
    request<Json<typeof calendarContract.preview, 200>>('POST', '/api/designer/schedule-preview', { body }),
  migrate: (key: string, body: MigrationRequest) =>
    request<MigrationReport>('POST', `/api/definitions/${enc(key)}/migration`, { body }),
};

/**
 * The server calls of the organisation screens (administrators only), typed by the HTTP contract
 * (`@flowform/api`, `organisationContract`), none by hand.
 */
import type { DirectoryOp, Json, organisationContract } from '@flowform/api';
import { newIdempotencyKey, request } from '../../api/http';

export type Organisation = Json<typeof organisationContract.get, 200>;
export type ChangeResult = Json<typeof organisationContract.change, 200>;
export type ImportResult = Json<typeof organisationContract.import, 200>;
export type DirectoryVersion = Json<typeof organisationContract.versions, 200>['items'][number];
export type VersionDetail = Json<typeof organisationContract.version, 200>;
export type { DirectoryOp };

const BASE = '/api/admin/organisation';

export const organisationApi = {
  get: () => request<Organisation>('GET', BASE),
  /** What the operations would do; nothing changes. */
  preview: (ops: DirectoryOp[], expectedVersion: string) =>
    request<ChangeResult>('POST', `${BASE}/changes/preview`, {
      body: { ops, expectedVersion, dryRun: true },
    }),
  /** The operations as one new directory version (409 when someone changed it since `expectedVersion`). */
  change: (ops: DirectoryOp[], expectedVersion: string, comment?: string) =>
    request<ChangeResult>('POST', `${BASE}/changes`, {
      body: { ops, expectedVersion, ...(comment ? { comment } : {}) },
      idempotencyKey: newIdempotencyKey(),
    }),
  versions: (before?: string) =>
    request<Json<typeof organisationContract.versions, 200>>(
      'GET',
      `${BASE}/versions?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`,
    ),
  version: (version: string) =>
    request<VersionDetail>('GET', `${BASE}/versions/${encodeURIComponent(version)}`),
  exportUrl: (format: 'xlsx' | 'csv') => `${BASE}/export?format=${format}`,
  import: (file: File, dryRun: boolean) => {
    const form = new FormData();
    form.set('file', file);
    return request<ImportResult>('POST', `${BASE}/import?dryRun=${dryRun}`, {
      form,
      ...(dryRun ? {} : { idempotencyKey: newIdempotencyKey() }),
    });
  },
};

/** The server calls the designer makes (administrators only), through the web app's API client. */
import type { DirectorySeed, LintProblem } from '@flowform/engine/browser';
import { request } from '../../../api/http';
import type { DesignDoc } from '../model/design-doc';

const enc = encodeURIComponent;

export interface DefinitionSummary {
  key: string;
  name: { 'zh-CN': string; en: string };
  latestVersion: number | null;
  draft: { updatedBy: string; updatedAt: string } | null;
  runningCases: number;
}

export interface VersionSummary {
  version: number;
  hash: string;
  publishedBy: string;
  publishedAt: string;
  runningCases: number;
}

export interface DefinitionForEditing {
  key: string;
  draft: { bundle: DesignDoc; updatedBy: string; updatedAt: string } | null;
  published: (DesignDoc & { version: number }) | null;
  versions: VersionSummary[];
}

export const designerApi = {
  list: () => request<{ items: DefinitionSummary[] }>('GET', '/api/designer/definitions'),
  open: (key: string) => request<DefinitionForEditing>('GET', `/api/designer/definitions/${enc(key)}`),
  directory: () => request<DirectorySeed>('GET', '/api/designer/directory'),
  saveDraft: (key: string, doc: DesignDoc) =>
    request<{ key: string; updatedBy: string; updatedAt: string }>(
      'PUT',
      `/api/definitions/${enc(key)}/draft`,
      {
        body: doc,
      },
    ),
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
    request<{ problems: LintProblem[] }>('POST', `/api/definitions/${enc(key)}/lint`, { body: doc }),
  publish: (key: string) =>
    request<{ version: number; hash: string; created: boolean }>(
      'POST',
      `/api/definitions/${enc(key)}/publish`,
    ),
};

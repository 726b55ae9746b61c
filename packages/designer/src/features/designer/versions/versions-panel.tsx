/**
 * Versions and publishing: the published versions with their running cases, the draft's changes
 * since the latest one, publishing (refused while lint finds errors), import and export.
 */

import type { BpmnImport } from '@flowform/bpmn';
import type { LintProblem } from '@flowform/engine/browser';
import { useState } from 'react';
import { ApiError } from '../../../api/http';
import { formatDateTime } from '../../../i18n/format';
import { designerApi, type VersionSummary } from '../api/designer-api';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { RefusedProblems } from '../lint/refused-problems';
import { useDesigner } from '../state/designer-context';
import { BpmnImportReview } from './bpmn-import-review';
import { downloadBpmn, readBpmnDraft, type StatePositions } from './bpmn-transfer';
import { exportBundle, parseBundle } from './bundle-io';
import { type Changes, diffDocs, isEmptyDiff } from './definition-diff';
import { FileButton } from './file-button';
import { MigrationPanel } from './migration-panel';

export function VersionsPanel({
  versions,
  onPublished,
  positions,
}: {
  versions: VersionSummary[];
  onPublished: () => void;
  /** The canvas's layout, for the BPMN diagram. */
  positions: StatePositions;
}) {
  const { doc, published, problems, modeling, directory } = useDesigner();
  const { dt, locale } = useDesignerText();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState<LintProblem[]>([]);
  const [bpmn, setBpmn] = useState<{ result: BpmnImport; fileName: string }>();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const diff = published
    ? diffDocs({ definition: published.definition, forms: published.forms }, doc)
    : undefined;
  const nextVersion = Math.max(0, ...versions.map((v) => v.version)) + 1;
  const running = versions.reduce((sum, v) => sum + v.runningCases, 0);
  const publish = async () => {
    setConfirming(false);
    setBusy(true);
    setRefused([]);
    try {
      await designerApi.saveDraft(doc.definition.key, doc);
      const { version } = await designerApi.publish(doc.definition.key);
      setMessage({ kind: 'ok', text: dt('ver.published', { version }) });
      onPublished();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? error.title) : String(error);
      setMessage({ kind: 'error', text: detail });
      if (error instanceof ApiError) setRefused(error.problems.filter((p) => p.severity === 'error'));
    } finally {
      setBusy(false);
    }
  };
  const failed = (error: unknown) =>
    setMessage({
      kind: 'error',
      text: dt('ver.importFailed', { detail: error instanceof Error ? error.message : String(error) }),
    });
  const importFile = async (file: File) => {
    try {
      const bundle = parseBundle(await file.text());
      if (bundle.definition.key !== doc.definition.key)
        throw new Error(`${bundle.definition.key} ≠ ${doc.definition.key}`);
      if (modeling.replaceDocument(bundle)) setMessage({ kind: 'ok', text: dt('ver.imported') });
    } catch (error) {
      failed(error);
    }
  };
  const importBpmnFile = async (file: File) => {
    setBpmn(undefined);
    setMessage({ kind: 'ok', text: dt('bpmn.reading') });
    try {
      const top = directory?.toSeed().units.find((u) => !u.parent)?.id;
      setBpmn({ result: await readBpmnDraft(await file.text(), doc, top), fileName: file.name });
      setMessage(undefined);
    } catch (error) {
      failed(error);
    }
  };
  const replaceWithBpmn = () => {
    if (!bpmn) return;
    if (modeling.replaceDocument(bpmn.result.bundle)) setMessage({ kind: 'ok', text: dt('bpmn.replaced') });
    setBpmn(undefined);
  };
  return (
    <section className="ff-versions" aria-label={dt('ver.title')}>
      <h2>{dt('ver.title')}</h2>
      {versions.length === 0 ? (
        <p className="ff-muted">{dt('ver.none')}</p>
      ) : (
        <ul className="ff-version-list">
          {versions.map((v) => (
            <li key={v.version}>
              {dt('ver.row', {
                version: v.version,
                who: v.publishedBy,
                when: formatDateTime(locale, v.publishedAt),
                running: v.runningCases,
              })}
            </li>
          ))}
        </ul>
      )}
      {versions.length > 0 && <p className="ff-muted">{dt('ver.runningNote')}</p>}
      <h3>{published ? dt('ver.diff', { version: published.version }) : dt('ver.diffNew')}</h3>
      {diff &&
        (isEmptyDiff(diff) ? <p className="ff-muted">{dt('ver.noDiff')}</p> : <DiffTable diff={diff} />)}
      <div className="ff-publish">
        {errors > 0 && <p className="ff-error">{dt('ver.publishBlocked', { count: errors })}</p>}
        {confirming ? (
          <div className="ff-confirm" role="alertdialog" aria-labelledby="ff-publish-confirm">
            <p id="ff-publish-confirm">{dt('ver.confirm', { version: nextVersion, running })}</p>
            <button type="button" className="btn btn-primary" onClick={() => void publish()}>
              {dt('ver.confirmYes', { version: nextVersion })}
            </button>{' '}
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {dt('ver.confirmNo')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={errors > 0 || busy}
            onClick={() => setConfirming(true)}
          >
            {busy ? dt('ver.publishing') : dt('ver.publish')}
          </button>
        )}
        {message && (
          <p
            className={message.kind === 'ok' ? 'ff-ok' : 'ff-error'}
            role={message.kind === 'ok' ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
        <RefusedProblems problems={refused} />
      </div>
      {versions.length > 0 && <MigrationPanel versions={versions} onMigrated={onPublished} />}
      <div className="ff-row">
        <button type="button" className="btn" onClick={() => exportBundle(doc)}>
          {dt('ver.export')}
        </button>
        <FileButton
          label={dt('ver.import')}
          accept="application/json,.json"
          onFile={(file) => void importFile(file)}
        />
      </div>
      <div className="ff-row">
        <button
          type="button"
          className="btn"
          onClick={() =>
            void downloadBpmn(doc, positions).catch((error: unknown) =>
              setMessage({
                kind: 'error',
                text: dt('bpmn.exportFailed', {
                  detail: error instanceof Error ? error.message : String(error),
                }),
              }),
            )
          }
        >
          {dt('bpmn.export')}
        </button>
        <FileButton
          label={dt('bpmn.import')}
          accept=".bpmn,.xml,application/xml,text/xml"
          onFile={(file) => void importBpmnFile(file)}
        />
      </div>
      {bpmn && (
        <BpmnImportReview
          result={bpmn.result}
          fileName={bpmn.fileName}
          onReplace={replaceWithBpmn}
          onCancel={() => setBpmn(undefined)}
        />
      )}
    </section>
  );
}

function DiffTable({ diff }: { diff: ReturnType<typeof diffDocs> }) {
  const { dt } = useDesignerText();
  const rows = (['states', 'transitions', 'tasks', 'fields'] as const).flatMap((part) =>
    (['added', 'removed', 'changed'] as const).flatMap((kind) =>
      (diff[part] as Changes)[kind].length ? [{ part, kind, items: (diff[part] as Changes)[kind] }] : [],
    ),
  );
  return (
    <table className="ff-table ff-diff">
      <tbody>
        {rows.map(({ part, kind, items }) => (
          <tr key={`${part}-${kind}`} className={`ff-diff-${kind}`}>
            <th scope="row">{dt(`ver.${part}` as DesignerKey)}</th>
            <td>{dt(`ver.${kind}` as DesignerKey)}</td>
            <td>{items.join('；')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

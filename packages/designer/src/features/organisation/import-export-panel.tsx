import { useState } from 'react';
import { ApiError } from '../../api/http';
import { Banner, ErrorState } from '../../ui/status-views';
import { describeOp } from './describe-op';
import type { OrgIndex } from './org-index';
import { type ImportResult, organisationApi } from './organisation-api';
import { useOrgText } from './use-org-text';

type RowErrors = ImportResult['rowErrors'];

/** The row errors a refused import carries in its problem document (`rowErrors`), if any. */
function rowErrorsOf(error: unknown): RowErrors | undefined {
  const raw = error instanceof ApiError ? error.body.rowErrors : undefined;
  return Array.isArray(raw) ? (raw as RowErrors) : undefined;
}

/**
 * Export the organisation (XLSX or CSV), and import one: a dry run first (the operations it would
 * apply and every row's error, nothing changed), then apply when there are no row errors.
 */
export function ImportExportPanel({
  index,
  onApplied,
}: {
  index: OrgIndex;
  onApplied: (version: string) => void;
}) {
  const { ot, locale } = useOrgText();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [dry, setDry] = useState<ImportResult>();
  const [failure, setFailure] = useState<unknown>();

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await organisationApi.import(file, dryRun);
      if (dryRun) setDry(result);
      else {
        setDry(undefined);
        onApplied(result.version);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const rowErrors = dry?.rowErrors ?? rowErrorsOf(failure) ?? [];
  return (
    <div className="org-transfer">
      <section className="card" aria-labelledby="org-export-title">
        <h2 id="org-export-title">{ot('transfer.export')}</h2>
        <div className="org-actions">
          <a className="btn" href={organisationApi.exportUrl('xlsx')} download>
            {ot('transfer.exportXlsx')}
          </a>
          <a className="btn" href={organisationApi.exportUrl('csv')} download>
            {ot('transfer.exportCsv')}
          </a>
        </div>
      </section>
      <section className="card" aria-labelledby="org-import-title">
        <h2 id="org-import-title">{ot('transfer.import')}</h2>
        <p className="muted">{ot('transfer.importHelp')}</p>
        <label className="field">
          <span className="field-label">{ot('transfer.file')}</span>
          <input
            type="file"
            name="import-file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setDry(undefined);
              setFailure(undefined);
            }}
          />
        </label>
        <div className="org-actions">
          <button type="button" className="btn" disabled={!file || busy} onClick={() => void run(true)}>
            {ot('transfer.dryRun')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!file || busy || !dry || dry.rowErrors.length > 0 || dry.ops.length === 0}
            onClick={() => void run(false)}
          >
            {ot('transfer.apply')}
          </button>
        </div>
        {failure !== undefined &&
          rowErrors.length === 0 &&
          !(failure instanceof ApiError && failure.status === 422) && <ErrorState error={failure} />}
        {failure instanceof ApiError && failure.status === 422 && rowErrors.length === 0 && (
          <Banner kind="error">{failure.detail ?? failure.title}</Banner>
        )}
        {rowErrors.length > 0 && (
          <>
            <Banner kind="error">{ot('transfer.rowErrors', { count: rowErrors.length })}</Banner>
            <div className="org-table-wrap">
              <table className="org-table">
                <thead>
                  <tr>
                    <th scope="col">{ot('transfer.sheet')}</th>
                    <th scope="col">{ot('transfer.line')}</th>
                    <th scope="col">{ot('transfer.column')}</th>
                    <th scope="col">{ot('transfer.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowErrors.map((e) => (
                    <tr key={`${e.sheet}:${e.line}:${e.column}:${e.code}`}>
                      <td>{e.sheet}</td>
                      <td>{e.line}</td>
                      <td>{e.column}</td>
                      <td>{e.message[locale]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {dry && dry.rowErrors.length === 0 && dry.ops.length === 0 && (
          <Banner kind="info">{ot('transfer.noDiff')}</Banner>
        )}
        {dry && dry.ops.length > 0 && (
          <>
            <h3>{ot('preview.ops', { count: dry.ops.length })}</h3>
            <ol className="org-ops">
              {dry.ops.slice(0, 300).map((op, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the operations are a fixed list in order
                <li key={i}>{describeOp(op, index, locale, dry.ops)}</li>
              ))}
            </ol>
            <p className="muted">
              {ot('preview.tasks', { count: dry.preview.tasks.length })} ·{' '}
              {ot('preview.rules', { count: dry.preview.unresolvedRules.length })}
            </p>
          </>
        )}
      </section>
    </div>
  );
}

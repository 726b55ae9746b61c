import type { ReportTable as TableName } from '@flowform/api';
import type { Locale } from '@flowform/engine/browser';
import type { ReactNode } from 'react';
import { reportsText } from './reports-text';

/** Where the server writes a table as a file (cookies go along: same origin, GET). */
export function exportUrl(table: TableName, format: 'csv' | 'xlsx', lang: Locale, weeks: number): string {
  const q = new URLSearchParams({ table, format, lang, weeks: String(weeks) });
  if (table === 'cases') q.set('scope', 'all');
  return `/api/reports/export?${q}`;
}

/** CSV and Excel download links for a table. */
export function ExportLinks({
  table,
  what,
  locale,
  weeks,
}: {
  table: TableName;
  what: string;
  locale: Locale;
  weeks: number;
}) {
  return (
    <div className="report-export">
      <a
        className="btn btn-small"
        href={exportUrl(table, 'csv', locale, weeks)}
        download
        data-export={`${table}-csv`}
        aria-label={reportsText(locale, 'exportWhat', { what, format: 'CSV' })}
      >
        {reportsText(locale, 'exportCsv')}
      </a>
      <a
        className="btn btn-small"
        href={exportUrl(table, 'xlsx', locale, weeks)}
        download
        data-export={`${table}-xlsx`}
        aria-label={reportsText(locale, 'exportWhat', { what, format: 'Excel' })}
      >
        {reportsText(locale, 'exportXlsx')}
      </a>
    </div>
  );
}

/** A table of figures that scrolls sideways on a narrow screen instead of squeezing. */
export function FigureTable({
  headers,
  rows,
  caption,
}: {
  headers: string[];
  rows: ReactNode[][];
  caption: string;
}) {
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of figures have no id; the order is the server's
            <tr key={i}>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a cell's place is its identity
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The BPMN import report, shown before the draft replaces the document: the counts, every element
 * (mapped to what / partly / not mapped, why), the draft's check errors; replace or cancel.
 */
import type { BpmnImport, MappingStatus } from '@flowform/bpmn';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';

export function BpmnImportReview({
  result,
  fileName,
  onReplace,
  onCancel,
}: {
  result: BpmnImport;
  fileName: string;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { dt } = useDesignerText();
  const { report } = result;
  const errors = report.lint.filter((p) => p.severity === 'error').length;
  return (
    <section className="ff-bpmn-review" aria-label={dt('bpmn.reportTitle', { name: fileName })}>
      <h3>{dt('bpmn.reportTitle', { name: fileName })}</h3>
      <p role="status">
        {dt('bpmn.counts', {
          total: report.entries.length,
          mapped: report.counts.mapped,
          partial: report.counts.partial,
          unmapped: report.counts.unmapped,
        })}{' '}
        {errors > 0 ? dt('bpmn.lintErrors', { count: errors }) : dt('bpmn.lintClean')}
      </p>
      <div className="ff-row">
        <button type="button" className="btn btn-primary" onClick={onReplace}>
          {dt('bpmn.replace')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {dt('bpmn.cancel')}
        </button>
      </div>
      <table className="ff-table ff-bpmn-report">
        <thead>
          <tr>
            <th scope="col">{dt('bpmn.element')}</th>
            <th scope="col">{dt('bpmn.result')}</th>
          </tr>
        </thead>
        <tbody>
          {report.entries.map((e) => (
            <tr key={e.elementId} className={`ff-bpmn-${e.status}`}>
              <td>
                <code className="ff-bpmn-id">{e.elementId}</code>
                <div className="ff-muted">
                  {e.elementType}
                  {e.name ? ` · ${e.name}` : ''}
                </div>
              </td>
              <td>
                <StatusBadge status={e.status} />
                {e.to ? ` ${e.to}` : ''}
                {e.notes.map((n) => (
                  <div key={n} className="ff-muted">
                    {n}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatusBadge({ status }: { status: MappingStatus }) {
  const { dt } = useDesignerText();
  return <strong className="ff-bpmn-status">{dt(`bpmn.status.${status}` as DesignerKey)}</strong>;
}

/** The case data schema: fields with their JSON types, which forms use them, and the parameters. */
import { useState } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput, LocalizedInput } from '../inputs/localized-input';
import { useDesigner } from '../state/designer-context';

const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;

export function CaseDataEditor() {
  const { doc, modeling } = useDesigner();
  const { dt } = useDesignerText();
  const [name, setName] = useState('');
  const fields = Object.entries(
    (doc.definition.caseSchema.properties ?? {}) as Record<string, Record<string, unknown>>,
  );
  const usedBy = (field: string) =>
    Object.values(doc.forms)
      .filter((f) => Object.hasOwn((f.schema.properties ?? {}) as object, field))
      .map((f) => f.key);
  const schemaFor = (type: string) => (type === 'array' ? { type, items: { type: 'string' } } : { type });
  return (
    <section className="ff-data">
      <h2>{dt('data.title')}</h2>
      <p className="ff-muted">{dt('data.intro')}</p>
      <table className="ff-table">
        <thead>
          <tr>
            <th scope="col">{dt('data.name')}</th>
            <th scope="col">{dt('data.type')}</th>
            <th scope="col">{dt('data.usedBy')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {fields.map(([field, schema]) => (
            <tr key={field}>
              <td>
                <code>{field}</code>
              </td>
              <td>
                <select
                  aria-label={`${dt('data.type')} ${field}`}
                  value={String(schema.type ?? 'string')}
                  onChange={(e) => modeling.setCaseField(field, schemaFor(e.target.value))}
                >
                  {TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </td>
              <td>{usedBy(field).join('、')}</td>
              <td>
                <button type="button" className="btn btn-small" onClick={() => modeling.setCaseField(field)}>
                  {dt('props.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="ff-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name && modeling.setCaseField(name, { type: 'string' })) setName('');
        }}
      >
        <label htmlFor="ff-new-field">{dt('data.name')}</label>
        <input
          id="ff-new-field"
          value={name}
          onChange={(e) => setName(e.target.value)}
          pattern="[a-zA-Z][a-zA-Z0-9_]*"
        />
        <button type="submit" className="btn btn-small">
          {dt('data.add')}
        </button>
      </form>
      <h3>{dt('data.parameters')}</h3>
      {Object.entries(doc.definition.parameters ?? {}).map(([p, param]) => (
        <div key={p} className="ff-param">
          <code>{p}</code>
          <CommitInput
            label={dt('data.paramValue')}
            value={String(param.value)}
            onCommit={(v) =>
              modeling.setParameter(p, {
                ...param,
                value: Number.isNaN(Number(v)) || v === '' ? v : Number(v),
              })
            }
          />
          <LocalizedInput
            label={dt('props.name')}
            value={param.label}
            onCommit={(label) => modeling.setParameter(p, { ...param, label })}
          />
        </div>
      ))}
    </section>
  );
}

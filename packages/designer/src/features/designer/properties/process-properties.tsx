/** The process's own properties: names, description, who may start, start form, the case's unit field. */
import { pick } from '../../../i18n/format';
import { useDesignerText } from '../i18n/use-designer-text';
import { LocalizedInput } from '../inputs/localized-input';
import { RuleBuilder } from '../inputs/rule-builder';
import { useDesigner } from '../state/designer-context';

export function ProcessProperties() {
  const { doc, modeling } = useDesigner();
  const { dt, locale } = useDesignerText();
  const def = doc.definition;
  const fields = Object.keys(def.caseSchema.properties ?? {});
  return (
    <section className="ff-props" aria-label={dt('props.process')}>
      <h3>{dt('props.process')}</h3>
      <p className="ff-muted">
        {dt('props.key')}: <code>{def.key}</code>
      </p>
      <LocalizedInput
        label={dt('props.name')}
        name="process-name"
        value={def.name}
        onCommit={(value) => modeling.setDefinition({ field: 'name', value })}
      />
      <LocalizedInput
        label={dt('props.description')}
        multiline
        value={def.description}
        onCommit={(value) => modeling.setDefinition({ field: 'description', value })}
      />
      <RuleBuilder
        label={dt('props.starters')}
        name="starters"
        value={def.starters}
        onChange={(value) => value && modeling.setDefinition({ field: 'starters', value })}
      />
      <div className="ff-field">
        <label htmlFor="ff-start-form">{dt('props.startForm')}</label>
        <select
          id="ff-start-form"
          value={def.startForm ?? ''}
          onChange={(e) => modeling.setDefinition({ field: 'startForm', value: e.target.value || undefined })}
        >
          <option value="">{dt('props.none')}</option>
          {Object.values(doc.forms).map((f) => (
            <option key={f.key} value={f.key}>
              {pick(f.title, locale, f.key)}
            </option>
          ))}
        </select>
      </div>
      <div className="ff-field">
        <label htmlFor="ff-unit-field">{dt('props.unitField')}</label>
        <select
          id="ff-unit-field"
          value={def.unitField ?? ''}
          onChange={(e) => modeling.setDefinition({ field: 'unitField', value: e.target.value || undefined })}
        >
          <option value="">{dt('props.none')}</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

/** The form designer: choose or create a form, add fields from the palette, order and edit them, see the live preview. */
import { useState } from 'react';
import { pick } from '../../../i18n/format';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { LocalizedInput } from '../inputs/localized-input';
import { uniqueKey } from '../model/design-doc';
import type { FieldKind } from '../model/field-kinds';
import { FIELD_KINDS } from '../model/field-kinds';
import { stateIndex } from '../model/state-graph';
import { useDesigner } from '../state/designer-context';
import { FieldList } from './field-list';
import { FieldProperties } from './field-properties';
import { FormPreview } from './form-preview';

export function FormDesigner() {
  const { doc, modeling } = useDesigner();
  const { dt, locale } = useDesignerText();
  const keys = Object.keys(doc.forms);
  const [chosen, setChosen] = useState<string | undefined>(keys[0]);
  const [field, setField] = useState<string>();
  const [newName, setNewName] = useState('');
  const form = chosen && doc.forms[chosen] ? chosen : keys[0];
  const def = form ? doc.forms[form] : undefined;
  const usedBy = [...stateIndex(doc)]
    .filter(([, i]) => form !== undefined && i.def.task?.form === form)
    .map(([id, i]) => pick(i.def.task!.title, locale, id));
  if (form && doc.definition.startForm === form) usedBy.unshift(dt('props.startForm'));
  const addForm = () => {
    const key = uniqueKey(`${doc.definition.key}.form`, keys);
    if (modeling.addForm(key, { 'zh-CN': '新表单', en: 'New form' })) setChosen(key);
  };
  const addField = (kind: FieldKind) => {
    if (!form) return;
    const created = modeling.addField({ form, kind, ...(newName ? { name: newName } : {}) });
    if (created) {
      setField(created);
      setNewName('');
    }
  };
  return (
    <section className="ff-forms" aria-label={dt('forms.title')}>
      <div className="ff-row ff-form-chooser">
        <label htmlFor="ff-form-select">{dt('forms.choose')}</label>
        <select id="ff-form-select" value={form ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {pick(doc.forms[k]!.title, locale, k)} ({k})
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={addForm}>
          {dt('forms.add')}
        </button>
      </div>
      {!def || !form ? (
        <p className="ff-muted">{dt('forms.none')}</p>
      ) : (
        <div className="ff-form-grid">
          <div className="ff-form-left">
            <LocalizedInput
              label={dt('forms.formTitle')}
              value={def.title}
              onCommit={(title) => modeling.setFormTitle(form, title)}
            />
            {usedBy.length > 0 && (
              <p className="ff-muted">{dt('forms.usedBy', { steps: usedBy.join('、') })}</p>
            )}
            <h3>{dt('forms.palette')}</h3>
            <div className="ff-field">
              <label htmlFor="ff-new-field-name">{dt('forms.newFieldName')}</label>
              <input
                id="ff-new-field-name"
                value={newName}
                pattern="[a-zA-Z][a-zA-Z0-9_]*"
                placeholder="reason"
                onChange={(e) => setNewName(e.target.value.trim())}
              />
            </div>
            <ul className="ff-field-palette">
              {FIELD_KINDS.map((kind) => (
                <li key={kind}>
                  <button
                    type="button"
                    className="btn btn-small"
                    data-field-kind={kind}
                    onClick={() => addField(kind)}
                  >
                    + {dt(`field.kind.${kind}` as DesignerKey)}
                  </button>
                </li>
              ))}
            </ul>
            <h3>{dt('forms.fields')}</h3>
            <FieldList form={form} selected={field} onSelect={setField} />
          </div>
          <div className="ff-form-middle">
            {field ? (
              <FieldProperties
                key={`${form}${field}`}
                form={form}
                field={field}
                onRemoved={() => setField(undefined)}
                onRenamed={setField}
              />
            ) : (
              <p className="ff-muted">{dt('field.select')}</p>
            )}
          </div>
          <FormPreview form={def} />
        </div>
      )}
    </section>
  );
}

/** A form's fields in order: drag one onto another to move it there, or use the arrows; click to edit. */
import { useState } from 'react';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { fieldKindOf } from '../model/field-kinds';
import { allFields, fieldOrder, fieldSchema, segmentsOf } from '../model/form-paths';
import { getAt } from '../model/json-ops';
import { useDesigner } from '../state/designer-context';

export function FieldList({
  form,
  selected,
  onSelect,
}: {
  form: string;
  selected?: string;
  onSelect: (field: string) => void;
}) {
  const { doc, modeling } = useDesigner();
  const { dt } = useDesignerText();
  const [dragging, setDragging] = useState<string>();
  const fields = allFields(doc, form);
  const siblingsOf = (field: string) => fieldOrder(doc, form, segmentsOf(field).slice(0, -1));
  const move = (field: string, to: number) => modeling.moveField({ form, field }, to);
  if (!fields.length) return <p className="ff-muted">{dt('forms.noFields')}</p>;
  return (
    <ol className="ff-field-list" aria-label={dt('forms.fields')}>
      {fields.map((field) => {
        const segs = segmentsOf(field);
        const name = segs[segs.length - 1]!;
        const siblings = siblingsOf(field);
        const at = siblings.indexOf(name);
        const schema = fieldSchema(doc, form, field) ?? {};
        const kind = fieldKindOf(
          schema,
          getAt(doc, ['forms', form, 'uiSchema', ...segs]) as Record<string, unknown> | undefined,
        );
        return (
          <li
            key={field}
            className={`ff-field-item${selected === field ? ' is-selected' : ''}${segs.length > 1 ? ' is-nested' : ''}`}
            draggable
            data-field={field}
            onDragStart={(e) => {
              setDragging(field);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => dragging && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging && dragging !== field && siblingsOf(dragging).includes(name)) move(dragging, at);
              setDragging(undefined);
            }}
          >
            <button type="button" className="ff-field-pick" onClick={() => onSelect(field)}>
              <span className="ff-drag" aria-hidden="true">
                ⋮⋮
              </span>
              <span>{String(schema.title ?? name)}</span>
              <span className="ff-muted">
                {dt(`field.kind.${kind}` as DesignerKey)} · {name}
              </span>
            </button>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`${dt('forms.moveUp')} ${name}`}
              disabled={at <= 0}
              onClick={() => move(field, at - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`${dt('forms.moveDown')} ${name}`}
              disabled={at >= siblings.length - 1}
              onClick={() => move(field, at + 1)}
            >
              ↓
            </button>
          </li>
        );
      })}
    </ol>
  );
}

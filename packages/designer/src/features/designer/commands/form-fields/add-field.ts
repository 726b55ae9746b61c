/**
 * `formField.add`: a field from the palette, written as JSON Schema + UI schema + English label
 * (the `forms/*.json` format), at `index` of its section's order.
 */
import type { LocalizedText } from '@flowform/engine/browser';
import { type FieldKind, fieldTemplate } from '../../model/field-kinds';
import { containerPath, fieldSchema, formAt, pointerOf, segmentsOf, uiPathOf } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { ensureObject } from '../doc-edits';
import { ensureOrder } from './field-edits';

const DEFAULT_LABEL: Record<FieldKind, LocalizedText> = {
  text: { 'zh-CN': '文本', en: 'Text' },
  textarea: { 'zh-CN': '多行文本', en: 'Long text' },
  number: { 'zh-CN': '数量', en: 'Number' },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  date: { 'zh-CN': '日期', en: 'Date' },
  select: { 'zh-CN': '单选', en: 'Choice' },
  multiSelect: { 'zh-CN': '多选', en: 'Choices' },
  user: { 'zh-CN': '人员', en: 'Person' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  table: { 'zh-CN': '明细表', en: 'Table' },
  section: { 'zh-CN': '分组', en: 'Section' },
};

export const addField: DocHandler<'formField.add'> = {
  canExecute(doc, p) {
    if (!formAt(doc, p.form)) return `No form '${p.form}'`;
    return p.parent && fieldSchema(doc, p.form, p.parent)?.type !== 'object'
      ? `'${p.parent}' is not a section`
      : undefined;
  },
  execute(ctx) {
    const p = ctx.params;
    const parent = segmentsOf(p.parent ?? '');
    const name = p.name!;
    const label = p.label ?? DEFAULT_LABEL[p.kind];
    const template = fieldTemplate(p.kind, label['zh-CN']);
    const order = ensureOrder(ctx, p.form, parent);
    ensureObject(ctx, [...containerPath(p.form, parent), 'properties']);
    ctx.apply({
      op: 'put',
      path: [...containerPath(p.form, parent), 'properties', name],
      value: template.schema,
    });
    const length = (getAt(ctx.doc, order) as unknown[]).length;
    ctx.apply({ op: 'insert', path: [...order, Math.min(p.index ?? length, length)], value: name });
    if (template.ui) ctx.apply({ op: 'put', path: uiPathOf(p.form, [...parent, name]), value: template.ui });
    ensureObject(ctx, ['forms', p.form, 'labels']);
    const pointer = pointerOf([...parent, name]);
    ctx.apply({ op: 'put', path: ['forms', p.form, 'labels', pointer], value: { en: label.en } });
    for (const [value, en] of Object.entries(template.optionLabels ?? {}))
      ctx.apply({ op: 'put', path: ['forms', p.form, 'labels', `${pointer}/${value}`], value: { en } });
    p.created = pointer;
  },
};

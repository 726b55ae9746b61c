import { AssignmentError, UNIT_KIND_LABELS, type UnitKind } from '../assignment';
import { readField } from '../assignment/case-values';
import { asRefusal, fieldPointer } from './engine-refusal';
import { invalidForm } from './form-submission';
import type { StepWork } from './step-context';

/**
 * A start names the unit the case is about (`unitField`); where the definition says which kinds it
 * must be (`unitKinds`), a unit the directory does not know, or one of another kind, is refused on
 * that field (a branch-secretary reassignment of a metering station never starts).
 */
export function checkCaseUnit(work: StepWork): void {
  const { unitField, unitKinds } = work.compiled.definition;
  if (!unitField || !unitKinds?.length) return;
  const data = work.snap.data;
  const value = readField(data, unitField);
  if (value === undefined || value === null || value === '') return;
  const unit = typeof value === 'string' ? work.opts.directory.unit(value) : undefined;
  if (!unit) {
    const problem = typeof value === 'string' ? 'unknown' : 'type';
    const error = new AssignmentError('assignment-invalid', `field "${unitField}": no such unit`, {
      field: unitField,
      expected: 'unit',
      problem,
    });
    throw asRefusal(error, data, work.opts.locale);
  }
  if (unitKinds.includes(unit.kind)) return;
  const label = (kind: string, locale: 'zh-CN' | 'en') =>
    UNIT_KIND_LABELS[kind as UnitKind]?.[locale] ?? kind;
  const wanted = (locale: 'zh-CN' | 'en') =>
    unitKinds.map((k) => label(k, locale)).join(locale === 'en' ? ' or ' : '或');
  const message =
    work.opts.locale === 'en'
      ? `Field '${unitField}' must name a ${wanted('en')}; "${unit.id}" is a ${label(unit.kind, 'en')}`
      : `字段「${unitField}」应为${wanted('zh-CN')}，「${unit.id}」是${label(unit.kind, 'zh-CN')}`;
  throw invalidForm([{ path: fieldPointer(unitField, data), keyword: 'unitKind', message }]);
}

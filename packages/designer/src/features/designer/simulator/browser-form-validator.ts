/**
 * The engine's `FormValidator` port backed by the web app's interpreting validator (no eval), so
 * the simulator checks form data in the browser the way the task page does.
 */
import type { FormValidator } from '@flowform/engine';
import { validateForm } from '../../../forms/client-validator';

export const browserFormValidator: FormValidator = {
  validate: (form, data, locale = 'zh-CN') => result(validateForm(form.schema, data, form.labels, locale)),
  validateSchema: (schema, data, locale = 'zh-CN', labels) =>
    result(validateForm(schema, data, labels, locale)),
};

function result(errors: { path: string; message: string }[]) {
  return errors.length
    ? { ok: false as const, errors: errors.map((e) => ({ ...e, keyword: 'invalid' })) }
    : { ok: true as const };
}

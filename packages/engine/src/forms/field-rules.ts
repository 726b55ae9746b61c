import { createCelEnvironment } from '../expressions/cel-environment';
import type { CelEnvironment } from '../expressions/cel-environment-types';
import type { FieldError, Locale } from './form-types';

/** The parts of a form its field rules need: its schema and UI schema. */
interface RuledForm {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

/** A field's rule: `ui:options.validIf` (CEL over the form's fields) and the sentence shown when it fails. */
export interface FieldRule {
  field: string;
  expr: string;
  message?: { 'zh-CN'?: string; en?: string };
}

const environments = new WeakMap<object, CelEnvironment>();

function environmentOf(schema: Record<string, unknown>): CelEnvironment {
  let env = environments.get(schema);
  if (!env) {
    env = createCelEnvironment({ caseSchema: schema });
    environments.set(schema, env);
  }
  return env;
}

/** Every top-level field's rule, in UI-schema order. */
export function fieldRules(form: RuledForm): FieldRule[] {
  const rules: FieldRule[] = [];
  for (const [field, entry] of Object.entries(form.uiSchema ?? {})) {
    const options = (entry as { 'ui:options'?: Record<string, unknown> } | null)?.['ui:options'];
    const expr = options?.validIf;
    if (typeof expr !== 'string' || !expr.trim()) continue;
    const message = options?.validIfMessage as FieldRule['message'] | undefined;
    rules.push({ field, expr, message });
  }
  return rules;
}

/**
 * The rules a form's data breaks, each as an error on its field (`keyword: 'validIf'`): the checks
 * JSON Schema cannot say, such as three weights adding up to 100. A rule that cannot run (a field it
 * reads is absent) counts as broken; run it on data the schema accepted. Fields in `skip` (hidden
 * by their show-if, or already in error) are not checked. The engine and the web app share it.
 */
export function brokenFieldRules(
  form: RuledForm,
  data: Record<string, unknown>,
  now: string,
  locale: Locale,
  skip: ReadonlySet<string> = new Set(),
): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of fieldRules(form)) {
    if (skip.has(rule.field)) continue;
    let met = false;
    try {
      met = environmentOf(form.schema).compile(rule.expr).evaluate({ data, now }) === true;
    } catch {
      met = false;
    }
    if (met) continue;
    const fallback = locale === 'en' ? 'This value does not meet the form’s rule' : '该项不符合填写规则';
    errors.push({ path: `/${rule.field}`, keyword: 'validIf', message: rule.message?.[locale] ?? fallback });
  }
  return errors;
}

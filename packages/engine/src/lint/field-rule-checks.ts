import type { FormDefinition } from '../definition/definition-types';
import { createCelEnvironment } from '../expressions';
import { fieldRules } from '../forms/field-rules';
import type { ProblemList } from './lint-types';

/**
 * Each field rule (`ui:options.validIf`) must be a boolean CEL condition over the form's own fields,
 * on a field of the form, with its message in both languages.
 */
export function checkFieldRules(key: string, form: FormDefinition, problems: ProblemList): void {
  const rules = fieldRules(form);
  if (rules.length === 0) return;
  const cel = createCelEnvironment({ caseSchema: form.schema });
  const props = (form.schema.properties ?? {}) as Record<string, unknown>;
  for (const rule of rules) {
    const path = `/forms/${key}/uiSchema/${rule.field}/ui:options/validIf`;
    if (!(rule.field in props))
      problems.error(
        'form-rule-invalid',
        path,
        `Form '${key}': the rule is on '${rule.field}', which is not a field of the form`,
        'Put the rule on a field of the form, where its error will be shown',
      );
    const checked = cel.check(rule.expr, 'bool');
    if (!checked.ok)
      problems.error(
        'form-rule-invalid',
        path,
        `Form '${key}' field '${rule.field}': rule ${checked.message}`,
        "Write a boolean CEL condition over this form's fields, such as data.a + data.b == 100",
      );
    if (!rule.message?.['zh-CN'] || !rule.message.en)
      problems.warn(
        'form-rule-message',
        `/forms/${key}/uiSchema/${rule.field}/ui:options/validIfMessage`,
        `Form '${key}' field '${rule.field}': the rule has no message in both languages`,
        'Add "validIfMessage": { "zh-CN": …, "en": … } saying what to fix',
      );
  }
}

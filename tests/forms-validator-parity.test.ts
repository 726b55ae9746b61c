/**
 * The web app checks forms with the engine's interpreter, the server with ajv: for every shipped
 * form, on generated data (fitting, mutated, arbitrary), both give the same field errors — paths,
 * keywords, zh-CN and English messages — and the same raw schema errors, in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAjvChecker,
  createInterpretingChecker,
  type FormDefinition,
  formValidatorWith,
} from '@flowform/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorFacts } from '../packages/engine/src/forms/test-support';
import { formData } from './support/schema-data';

const FORMS = join(import.meta.dirname, '../forms');
const forms = readdirSync(FORMS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(FORMS, f), 'utf8')) as FormDefinition);

const ajv = createAjvChecker();
const interpreter = createInterpretingChecker();
const server = formValidatorWith(ajv);
const browser = formValidatorWith(interpreter);

describe('form validation: the interpreter answers as ajv does', () => {
  it('given the forms folder, then every shipped form is compared', () => {
    expect(forms.length).toBeGreaterThanOrEqual(38);
  });

  it.each(forms.map((form) => [form.key, form] as const))(
    'given the %s form and generated data, when both validate in zh-CN and English, then the errors are identical',
    (_key, form) => {
      const outcomes = { valid: 0, invalid: 0 };
      fc.assert(
        fc.property(formData(form.schema), (data) => {
          for (const locale of ['zh-CN', 'en'] as const) {
            const expected = server.validate(form, data, locale);
            expect(browser.validate(form, data, locale)).toEqual(expected);
            outcomes[expected.ok ? 'valid' : 'invalid']++;
          }
          expect(errorFacts(interpreter.form(form.schema)(data))).toEqual(
            errorFacts(ajv.form(form.schema)(data)),
          );
        }),
        { numRuns: 150 },
      );
      // The data exercised both answers: some passes the form, some does not.
      expect(outcomes.valid).toBeGreaterThan(0);
      expect(outcomes.invalid).toBeGreaterThan(0);
    },
  );
});

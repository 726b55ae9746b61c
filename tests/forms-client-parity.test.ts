import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFormValidator, type FieldError, type FormDefinition, type Locale } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../packages/designer/src/forms/client-validator';

const FORMS = join(import.meta.dirname, '../forms');
const forms = readdirSync(FORMS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(FORMS, f), 'utf8')) as FormDefinition);
const server = createFormValidator();

type Json = Record<string, unknown>;

/** A value that breaks the field's first rule (type, length, range, pattern, options, items). */
function breaking(schema: Json): unknown {
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.enum)) return 'no-such-option';
  switch (schema.type) {
    case 'string':
      if (typeof schema.maxLength === 'number') return 'x'.repeat(schema.maxLength + 1);
      if (typeof schema.pattern === 'string' || typeof schema.format === 'string') return '!! bad !!';
      return 42;
    case 'integer':
      return 1.5;
    case 'number':
      if (typeof schema.maximum === 'number') return schema.maximum + 1;
      if (typeof schema.minimum === 'number') return schema.minimum - 1;
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return typeof schema.minItems === 'number' && schema.minItems > 0 ? [] : 'not a list';
    default:
      return 'wrong';
  }
}

/** Two data sets per form: nothing filled in, and every field broken. */
function samples(form: FormDefinition): [string, Json][] {
  const props = (form.schema.properties ?? {}) as Record<string, Json>;
  return [
    ['empty', {}],
    ['broken', Object.fromEntries(Object.entries(props).map(([k, s]) => [k, breaking(s)]))],
  ];
}

const key = (e: Pick<FieldError, 'path' | 'message'>) => `${e.path} ${e.message}`;

describe('client and server validation agree', () => {
  const cases = forms.flatMap((form) =>
    (['zh-CN', 'en'] as Locale[]).flatMap((locale) =>
      samples(form).map(([name, data]) => [form.key, locale, name, form, data] as const),
    ),
  );
  it.each(cases)(
    'given the %s form in %s with %s data, when both validate, then they report the same errors',
    (_k, locale, _n, form, data) => {
      const expected = server.validate(form, data, locale);
      const actual = validateForm(form.schema, data, form.labels, locale);
      expect(actual.map(key).sort()).toEqual(expected.ok ? [] : expected.errors.map(key).sort());
    },
  );
});

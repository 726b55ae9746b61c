import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../ajv-setup';
import { FORM_KEYWORDS } from '../known-formats';
import { RULE_KEYWORDS, TYPED_KEYWORDS, UNTYPED_KEYWORDS, vocabulary } from './keyword-table';

/** The interpreter orders its errors by this table; ajv's own rule lists are the reference. */
describe('the keyword table', () => {
  const ajv = createFormAjv();
  const rules = ajv.RULES;

  it("given the forms' ajv, when its rule groups are read, then the table has ajv's groups in ajv's order", () => {
    const groups = Object.fromEntries(
      rules.rules.map((g) => [
        g.type ?? 'untyped',
        g.rules.map((r) => r.keyword).filter((k) => !(FORM_KEYWORDS as readonly string[]).includes(k)),
      ]),
    );
    expect(groups).toEqual({ untyped: UNTYPED_KEYWORDS, ...TYPED_KEYWORDS });
    expect(rules.post.rules).toEqual([]);
  });

  it("given the forms' ajv, when its acting and known keywords are read, then the forms vocabulary has the same", () => {
    const forms = vocabulary(FORM_KEYWORDS);
    expect(Object.keys(rules.all)).toEqual([...RULE_KEYWORDS, ...FORM_KEYWORDS]);
    expect(new Set(Object.keys(rules.keywords))).toEqual(forms.known);
  });
});

import { describe, expect, it } from 'vitest';
import { dataFieldsRead } from './data-references';
import { ExpressionError } from './expression-error';

describe('dataFieldsRead', () => {
  it('given field accesses, has() and literal indexing, when read, then each field is listed once', () => {
    expect(
      dataFieldsRead('sum(data.awards.map(a, a.bonus)) > (has(data.budget) ? data["budget"] : params.limit)'),
    ).toEqual({ fields: ['awards', 'budget'], whole: false });
  });

  it('given a field of an iteration variable named like a field, when read, then only data fields count', () => {
    expect(dataFieldsRead('data.items.map(i, i.value).size() > 0')).toEqual({
      fields: ['items'],
      whole: false,
    });
  });

  it('given data used as a whole, when read, then whole is true', () => {
    expect(dataFieldsRead('size(data) > 2').whole).toBe(true);
    expect(dataFieldsRead('cel.bind(d, data, d.x)').whole).toBe(true);
    expect(dataFieldsRead('data[string(1)] == 1').whole).toBe(true);
  });

  it('given a source that does not parse, when read, then it is a cel-syntax ExpressionError', () => {
    expect(() => dataFieldsRead('data.x +')).toThrow(ExpressionError);
  });
});

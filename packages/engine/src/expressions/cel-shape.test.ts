import { describe, expect, it } from 'vitest';
import { shapeFromSchema, shapeFromValue } from './cel-shape';

describe('shapeFromSchema', () => {
  describe('given JSON Schema scalar types', () => {
    it.each([
      [{ type: 'integer' }, 'int'],
      [{ type: 'number' }, 'double'],
      [{ type: 'string' }, 'string'],
      [{ type: 'string', format: 'date' }, 'string'],
      [{ type: 'string', format: 'date-time' }, 'string'],
      [{ enum: ['a', 'b'] }, 'string'],
      [{ type: 'boolean' }, 'bool'],
      [{ type: ['integer', 'null'] }, 'int'],
      [{ type: ['integer', 'string'] }, 'dyn'],
      [{ type: 'null' }, 'dyn'],
      [{ $ref: '#/defs/x' }, 'dyn'],
      [{ type: 'object' }, 'dyn'],
    ])('when mapping %j, then the kind is %s', (schema, kind) => {
      expect(shapeFromSchema(schema).kind).toBe(kind);
    });
  });

  describe('given an object schema with nested arrays and objects', () => {
    const schema = JSON.parse(`{
      "type": "object",
      "properties": {
        "tags": { "type": "array", "items": { "type": "string" } },
        "lines": { "type": "array", "items": { "type": "object", "properties": { "qty": { "type": "integer" } } } },
        "loose": { "type": "array" },
        "__proto__": { "type": "string" },
        "constructor": { "type": "string" }
      }
    }`);

    it('when mapping, then lists and records nest and unsafe keys are dropped', () => {
      const shape = shapeFromSchema(schema);
      expect(shape).toEqual({
        kind: 'record',
        fields: {
          tags: { kind: 'list', items: { kind: 'string' } },
          lines: { kind: 'list', items: { kind: 'record', fields: { qty: { kind: 'int' } } } },
          loose: { kind: 'list', items: { kind: 'dyn' } },
        },
      });
    });
  });

  describe('given a schema nested deeper than 16 levels', () => {
    it('when mapping, then the deep part becomes dyn instead of recursing forever', () => {
      let schema: Record<string, unknown> = { type: 'string' };
      for (let i = 0; i < 40; i++) schema = { type: 'object', properties: { x: schema } };
      let shape = shapeFromSchema(schema);
      let depth = 0;
      while (shape.kind === 'record') {
        shape = shape.fields.x!;
        depth++;
      }
      expect(shape.kind).toBe('dyn');
      expect(depth).toBeLessThanOrEqual(17);
    });
  });
});

describe('shapeFromValue', () => {
  describe('given parameter values', () => {
    it('when inferring, then integral numbers are int and fractional ones double', () => {
      expect(shapeFromValue({ limit: 5000, rate: 0.5, name: 'x', on: true })).toEqual({
        kind: 'record',
        fields: {
          limit: { kind: 'int' },
          rate: { kind: 'double' },
          name: { kind: 'string' },
          on: { kind: 'bool' },
        },
      });
    });

    it('when a list is homogeneous, then it is typed; when mixed or empty, then list<dyn>', () => {
      expect(shapeFromValue(['a', 'b'])).toEqual({ kind: 'list', items: { kind: 'string' } });
      expect(shapeFromValue([1, 'b'])).toEqual({ kind: 'list', items: { kind: 'dyn' } });
      expect(shapeFromValue([])).toEqual({ kind: 'list', items: { kind: 'dyn' } });
    });

    it('when the value is null or a class instance, then it is dyn', () => {
      expect(shapeFromValue(null).kind).toBe('dyn');
      expect(shapeFromValue(new Date()).kind).toBe('dyn');
    });
  });
});

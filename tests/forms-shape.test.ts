/**
 * Shape of the shipped forms in `forms/`: one FormDefinition per file, named by its key,
 * bilingual, strict JSON Schema 2020-12 that Ajv compiles in strict mode, every field titled
 * in Chinese and labelled in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface FormFile {
  key: string;
  version?: number;
  title: Record<string, string>;
  schema: JsonObject;
  uiSchema?: JsonObject;
  labels?: Record<string, { en: string; help?: Record<string, string> }>;
}

const FORMS_DIR = join(import.meta.dirname, '..', 'forms');
const PROCESSES = [
  'accountability-investigation',
  'branch-secretary-reassignment',
  'admonition-talk',
  'hardship-assistance',
  'quarterly-cadre-evaluation',
  'supervision-bulletin',
  'labour-competition',
  'scrap-material-recovery',
];
const KEY_PATTERN = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/;
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const HAS_CJK = /[\u4e00-\u9fff]/;
const MAX_BYTES = 64 * 1024;
const MAX_DEPTH = 6;
/** A group with a quantifier inside, itself quantified: the shape of catastrophic backtracking. */
const NESTED_QUANTIFIER = /\([^)]*[+*}][^)]*\)[+*{]/;

const files = readdirSync(FORMS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const forms = files.map((file) => {
  const text = readFileSync(join(FORMS_DIR, file), 'utf8');
  return { file, bytes: Buffer.byteLength(text), form: JSON.parse(text) as FormFile };
});

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, multipleOfPrecision: 6 });
  addFormats(ajv);
  // Flowform's directory references, as the engine's ajv-setup adds them (the engine checks values).
  for (const format of ['flowform-user', 'flowform-unit']) ajv.addFormat(format, /^\S{1,64}$/);
  for (const keyword of ['x-roles', 'x-unitKinds'])
    ajv.addKeyword({
      keyword,
      schemaType: 'array',
      metaSchema: { type: 'array', items: { type: 'string' } },
    });
  return ajv;
}

/** Fields shown with the person or unit picker, with the schema that holds each value. */
function pickerFields(schema: JsonObject, ui: Json | undefined, prefix = ''): (Field & { widget: string })[] {
  const out: (Field & { widget: string })[] = [];
  if (!isObject(schema.properties) || !isObject(ui)) return out;
  for (const [name, sub] of Object.entries(schema.properties)) {
    const subUi = ui[name];
    if (!isObject(sub) || !isObject(subUi)) continue;
    const path = `${prefix}/${name}`;
    const items = sub.type === 'array' && isObject(sub.items) ? sub.items : undefined;
    const itemUi = items && isObject(subUi.items) ? subUi.items : undefined;
    const widget = subUi['ui:widget'] ?? itemUi?.['ui:widget'];
    if (widget === 'user' || widget === 'unit')
      out.push({ path, schema: items && items.type === 'string' ? items : sub, widget });
    if (sub.type === 'object') out.push(...pickerFields(sub, subUi, path));
    if (items?.type === 'object') out.push(...pickerFields(items, itemUi, path));
  }
  return out;
}

/** Every key anywhere in a JSON value. */
function allKeys(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allKeys(v, out);
    }
  return out;
}

/** Subschema nesting depth: the root is 1, each properties/items/oneOf/allOf/if/then/else adds 1. */
function schemaDepth(schema: Json): number {
  if (!isObject(schema)) return 0;
  const children: Json[] = [];
  if (isObject(schema.properties)) children.push(...Object.values(schema.properties));
  for (const k of ['items', 'if', 'then', 'else', 'not'])
    if (schema[k] !== undefined) children.push(schema[k]);
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    const list = schema[k];
    if (Array.isArray(list)) children.push(...list);
  }
  return 1 + Math.max(0, ...children.map(schemaDepth));
}

interface Field {
  path: string;
  schema: JsonObject;
}

/** The fields of an object schema and of objects inside arrays, with label paths (`/items/name`). */
function fieldsOf(schema: JsonObject, prefix = ''): Field[] {
  const out: Field[] = [];
  if (!isObject(schema.properties)) return out;
  for (const [name, sub] of Object.entries(schema.properties)) {
    if (!isObject(sub)) continue;
    const path = `${prefix}/${name}`;
    out.push({ path, schema: sub });
    if (sub.type === 'object') out.push(...fieldsOf(sub, path));
    if (sub.type === 'array' && isObject(sub.items) && sub.items.type === 'object')
      out.push(...fieldsOf(sub.items, path));
  }
  return out;
}

/** Option codes of a choice field (`oneOf` of `{const, title}`, directly or on array items). */
function optionsOf(schema: JsonObject): JsonObject[] {
  const target = schema.type === 'array' && isObject(schema.items) ? schema.items : schema;
  return Array.isArray(target.oneOf) ? target.oneOf.filter(isObject) : [];
}

/** Every object schema in the tree (root, nested objects, array item objects). */
function objectSchemas(schema: JsonObject): JsonObject[] {
  const out: JsonObject[] = [schema];
  for (const { schema: sub } of fieldsOf(schema)) {
    if (sub.type === 'object') out.push(sub);
    if (sub.type === 'array' && isObject(sub.items) && sub.items.type === 'object') out.push(sub.items);
  }
  return out;
}

describe('forms/', () => {
  it('holds forms for all eight processes', () => {
    expect(files.length).toBeGreaterThanOrEqual(PROCESSES.length);
    for (const p of PROCESSES)
      expect(
        files.some((f) => f.startsWith(`${p}.`)),
        p,
      ).toBe(true);
  });

  describe.each(forms)('$file', ({ file, bytes, form }) => {
    const schema = form.schema;
    const labels = form.labels ?? {};
    const fields = fieldsOf(schema);

    it('is named by its key, a known process and a step', () => {
      expect(file).toBe(`${form.key}.json`);
      expect(form.key).toMatch(KEY_PATTERN);
      expect(PROCESSES).toContain(form.key.split('.')[0]);
      expect(form.version).toBe(1);
    });

    it('has a title in Chinese and English', () => {
      expect(form.title['zh-CN']).toMatch(HAS_CJK);
      expect(form.title.en?.trim()).toBeTruthy();
      expect(Object.keys(form.title).sort()).toEqual(['en', 'zh-CN']);
    });

    it('is a closed object schema, small and shallow', () => {
      expect(schema.type).toBe('object');
      for (const obj of objectSchemas(schema)) expect(obj.additionalProperties).toBe(false);
      expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
      expect(schemaDepth(schema)).toBeLessThanOrEqual(MAX_DEPTH);
      expect(fields.length).toBeGreaterThan(0);
    });

    it('uses no $ref, $data or rjsf-only keywords', () => {
      const keys = allKeys(schema);
      for (const banned of ['$ref', '$dynamicRef', '$data', 'enumNames', 'enumnames'])
        expect(keys).not.toContain(banned);
      expect(keys.some((k) => k.startsWith('ui:'))).toBe(false);
    });

    it('titles every field in Chinese and labels it in English', () => {
      for (const { path, schema: sub } of fields) {
        const name = path.split('/').pop() ?? '';
        expect(name, path).toMatch(CAMEL_CASE);
        expect(sub.title, `${path} title`).toMatch(HAS_CJK);
        const label = labels[path];
        expect(label?.en?.trim(), `${path} English label`).toBeTruthy();
        if (label?.help) {
          expect(label.help['zh-CN'], `${path} help zh-CN`).toMatch(HAS_CJK);
          expect(label.help.en?.trim(), `${path} help en`).toBeTruthy();
        }
        if (typeof sub.description === 'string') expect(sub.description, path).toMatch(HAS_CJK);
      }
    });

    it('names every choice with a stable code, a Chinese title and an English label', () => {
      for (const { path, schema: sub } of fields)
        for (const option of optionsOf(sub)) {
          expect(['string', 'number'], `${path} const`).toContain(typeof option.const);
          expect(option.title, `${path} option title`).toMatch(HAS_CJK);
          expect(
            labels[`${path}/${String(option.const)}`]?.en?.trim(),
            `${path}/${option.const}`,
          ).toBeTruthy();
        }
    });

    it('has no labels for fields that do not exist', () => {
      const known = new Set<string>();
      for (const { path, schema: sub } of fields) {
        known.add(path);
        for (const option of optionsOf(sub)) known.add(`${path}/${String(option.const)}`);
      }
      for (const path of Object.keys(labels)) expect(known.has(path), path).toBe(true);
    });

    it('orders every field in the UI schema', () => {
      const ui = form.uiSchema ?? {};
      const order = ui['ui:order'];
      expect(Array.isArray(order)).toBe(true);
      expect([...(order as string[])].sort()).toEqual(Object.keys(schema.properties as JsonObject).sort());
      for (const [k, v] of Object.entries(ui)) {
        if (k.startsWith('ui:')) continue;
        expect(Object.keys(schema.properties as JsonObject), `uiSchema.${k}`).toContain(k);
        if (isObject(v) && typeof v['ui:placeholder'] === 'string')
          expect(v['ui:placeholder']).toMatch(HAS_CJK);
      }
    });

    it('keeps patterns simple and text bounded', () => {
      for (const { path, schema: sub } of fields) {
        const strings = [sub, isObject(sub.items) ? sub.items : {}].filter((s) => s.type === 'string');
        for (const s of strings) {
          if (typeof s.pattern === 'string') {
            expect(s.pattern, path).toMatch(/^\^.*\$$/);
            expect(NESTED_QUANTIFIER.test(s.pattern), `${path} pattern`).toBe(false);
          }
          if (s.format === undefined && s.oneOf === undefined)
            expect(s.maxLength, `${path} maxLength`).toBeTypeOf('number');
        }
        if ((sub.type === 'number' || sub.type === 'integer') && sub.oneOf === undefined) {
          expect(sub.minimum, `${path} minimum`).toBeTypeOf('number');
          expect(sub.maximum, `${path} maximum`).toBeTypeOf('number');
        }
        if (sub.type === 'array') expect(sub.maxItems, `${path} maxItems`).toBeTypeOf('number');
      }
    });

    it('declares every person or unit picker as a directory reference the engine checks', () => {
      for (const { path, schema: sub, widget } of pickerFields(schema, form.uiSchema)) {
        expect(sub.format, `${path} format`).toBe(`flowform-${widget}`);
        const options = allKeys(form.uiSchema ?? {});
        expect(options, `${path}: roles and kinds live in the schema`).not.toContain('roles');
        expect(options).not.toContain('kinds');
      }
    });

    it('compiles with Ajv 2020 in strict mode', () => {
      const ajv = newAjv();
      expect(() => ajv.compile(schema)).not.toThrow();
      expect(ajv.validateSchema(schema)).toBe(true);
    });
  });
});

describe('form validation samples', () => {
  const byKey = new Map(forms.map(({ form }) => [form.key, form.schema]));
  const validator = (key: string) => {
    const schema = byKey.get(key);
    if (!schema) throw new Error(`missing form ${key}`);
    return newAjv().compile(schema);
  };

  it('requires a fine amount when the proposed handling is a fine', () => {
    const validate = validator('accountability-investigation.proposal');
    const base = {
      statementStatus: 'overdue',
      factsFinding: '夜班巡井记录漏填三次',
      responsibilityType: 'direct',
      severity: 'ordinary',
      handling: 'fine',
      reasoning: '按考核办法处理',
    };
    expect(validate(base)).toBe(false);
    expect(validate({ ...base, fineAmount: 200.5 })).toBe(true);
    expect(validate({ ...base, fineAmount: 19.99 })).toBe(true);
    expect(validate({ ...base, fineAmount: -1 })).toBe(false);
    expect(validate({ ...base, fineAmount: 200, extra: 1 })).toBe(false);
    expect(validate({ ...base, handling: 'publicCriticism' })).toBe(true);
    expect(validate({ ...base, handling: '通报批评' })).toBe(false);
  });

  it('numbers every scrap item FW-station-year-sequence', () => {
    const validate = validator('scrap-material-recovery.hand-in');
    const item = {
      itemNo: 'FW-113-2016-00001',
      name: '油管',
      category: 'tubing',
      quantity: 12,
      measureUnit: 'piece',
      condition: 'scrap',
    };
    const doc = { station: 'station-113', collectedOn: '2016-03-08', items: [item] };
    expect(validate(doc)).toBe(true);
    expect(validate({ ...doc, items: [{ ...item, itemNo: 'FW-16-1' }] })).toBe(false);
    expect(validate({ ...doc, items: [{ ...item, itemNo: 'FW-2016-001' }] })).toBe(false);
    expect(validate({ ...doc, items: [] })).toBe(false);
    expect(validate({ ...doc, collectedOn: '2016-13-40' })).toBe(false);
  });
});

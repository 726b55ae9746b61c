import type { Locale } from '@flowform/engine';
import { decimalPlaces, MAX_LISTED_OPTIONS, type MessageSpec, plainNumber as n } from './message-spec';

const ZH_TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  null: '空值',
};
const EN_TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'empty',
};
const ZH_FORMATS: Record<string, string> = {
  date: '应为有效的日期，如 2024-01-31',
  'date-time': '应为有效的日期时间，如 2024-01-31T09:30:00+08:00',
  time: '应为有效的时间，如 09:30:00+08:00',
  email: '应为有效的电子邮箱地址',
  uri: '应为有效的网址，如 https://example.com',
  uuid: '应为有效的 UUID',
};
const EN_FORMATS: Record<string, string> = {
  date: 'must be a valid date, e.g. 2024-01-31',
  'date-time': 'must be a valid date and time, e.g. 2024-01-31T09:30:00+08:00',
  time: 'must be a valid time, e.g. 09:30:00+08:00',
  email: 'must be a valid email address',
  uri: 'must be a valid URL, e.g. https://example.com',
  uuid: 'must be a valid UUID',
};

const list = (options: string[], sep: string, more: (k: number) => string) => {
  const shown = options.slice(0, MAX_LISTED_OPTIONS).join(sep);
  return options.length > MAX_LISTED_OPTIONS ? `${shown}${more(options.length)}` : shown;
};
const show = (v: unknown, yes: string, no: string, nil: string) =>
  typeof v === 'string'
    ? v
    : typeof v === 'boolean'
      ? v
        ? yes
        : no
      : v === null
        ? nil
        : typeof v === 'number'
          ? n(v)
          : JSON.stringify(v);

/** The zh-CN sentence (the engine's wording) about the field labelled `L` (already quoted). */
export function zhMessage(L: string, s: MessageSpec): string {
  switch (s.kind) {
    case 'required':
      return `请填写${L}`;
    case 'type':
      return `${L}应为${s.types.map((t) => ZH_TYPES[t] ?? t).join('或')}`;
    case 'minimum':
      return `${L}不能小于 ${n(s.limit)}`;
    case 'maximum':
      return `${L}不能大于 ${n(s.limit)}`;
    case 'exclusiveMinimum':
      return `${L}必须大于 ${n(s.limit)}`;
    case 'exclusiveMaximum':
      return `${L}必须小于 ${n(s.limit)}`;
    case 'minLength':
      return s.limit <= 1 ? `请填写${L}` : `${L}不能少于 ${s.limit} 个字符`;
    case 'maxLength':
      return `${L}不能超过 ${s.limit} 个字符`;
    case 'minItems':
      return `${L}至少需要 ${s.limit} 项`;
    case 'maxItems':
      return `${L}最多只能有 ${s.limit} 项`;
    case 'minProperties':
      return `${L}至少需要填写 ${s.limit} 项`;
    case 'maxProperties':
      return `${L}最多只能填写 ${s.limit} 项`;
    case 'pattern':
      return `${L}的格式不正确`;
    case 'format':
      return ZH_FORMATS[s.format] ? `${L}${ZH_FORMATS[s.format]}` : `${L}的格式不正确`;
    case 'enum':
      return `${L}只能是以下选项之一：${list(s.options, '、', (k) => `等 ${k} 项`)}`;
    case 'const':
      return s.value === true ? `请勾选${L}` : `${L}必须为 ${show(s.value, '是', '否', '空')}`;
    case 'multipleOf': {
      if (s.factor === 1) return `${L}应为整数`;
      const p = decimalPlaces(s.factor);
      return p === undefined ? `${L}必须是 ${n(s.factor)} 的整数倍` : `${L}最多保留 ${p} 位小数`;
    }
    case 'additionalProperties':
      return `${L}中包含未定义的字段「${s.key}」`;
    case 'propertyName':
      return `${L}中的字段名「${s.key}」不符合要求`;
    case 'dependentRequired':
      return `填写${s.trigger}时，必须同时填写${L}`;
    case 'uniqueItems':
      return `${L}的第 ${s.first} 项与第 ${s.second} 项重复`;
    case 'not':
      return `${L}的值不被允许`;
    case 'contains':
      return `${L}中至少需要有一项符合要求`;
    case 'falseSchema':
      return `${L}不允许填写`;
    case 'invalid':
      return `${L}的填写不符合要求`;
  }
}

const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** The English sentence (the engine's wording) about the field labelled `L` (already quoted). */
export function enMessage(L: string, s: MessageSpec): string {
  switch (s.kind) {
    case 'required':
      return `${L} is required`;
    case 'type':
      return `${L} must be ${s.types.map((t) => EN_TYPES[t] ?? t).join(' or ')}`;
    case 'minimum':
      return `${L} must be ≥ ${n(s.limit)}`;
    case 'maximum':
      return `${L} must be ≤ ${n(s.limit)}`;
    case 'exclusiveMinimum':
      return `${L} must be > ${n(s.limit)}`;
    case 'exclusiveMaximum':
      return `${L} must be < ${n(s.limit)}`;
    case 'minLength':
      return s.limit <= 1 ? `${L} is required` : `${L} must be at least ${plural(s.limit, 'character')}`;
    case 'maxLength':
      return `${L} must be at most ${plural(s.limit, 'character')}`;
    case 'minItems':
      return `${L} must have at least ${plural(s.limit, 'item')}`;
    case 'maxItems':
      return `${L} may have at most ${plural(s.limit, 'item')}`;
    case 'minProperties':
      return `${L} must have at least ${plural(s.limit, 'entry', 'entries')}`;
    case 'maxProperties':
      return `${L} may have at most ${plural(s.limit, 'entry', 'entries')}`;
    case 'pattern':
      return `${L} is not in the expected format`;
    case 'format':
      return EN_FORMATS[s.format] ? `${L} ${EN_FORMATS[s.format]}` : `${L} is not in the expected format`;
    case 'enum':
      return `${L} must be one of: ${list(s.options, ', ', (k) => `, … (${k} in all)`)}`;
    case 'const':
      return s.value === true
        ? `Please tick ${L}`
        : `${L} must be ${show(s.value, 'true', 'false', 'empty')}`;
    case 'multipleOf': {
      if (s.factor === 1) return `${L} must be a whole number`;
      const p = decimalPlaces(s.factor);
      return p === undefined
        ? `${L} must be a multiple of ${n(s.factor)}`
        : `${L} may have at most ${plural(p, 'decimal place')}`;
    }
    case 'additionalProperties':
      return `${L} contains an unknown field "${s.key}"`;
    case 'propertyName':
      return `${L} contains a field name that is not allowed: "${s.key}"`;
    case 'dependentRequired':
      return `${L} is required when ${s.trigger} is filled in`;
    case 'uniqueItems':
      return `In ${L}, items ${s.first} and ${s.second} are the same`;
    case 'not':
      return `${L} has a value that is not allowed`;
    case 'contains':
      return `${L} must contain at least one matching item`;
    case 'falseSchema':
      return `${L} is not allowed`;
    case 'invalid':
      return `${L} is invalid`;
  }
}

/** The sentence in the reader's language. */
export const fieldMessage = (locale: Locale, label: string, spec: MessageSpec) =>
  locale === 'en' ? enMessage(label, spec) : zhMessage(label, spec);

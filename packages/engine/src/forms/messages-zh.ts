/** Chinese (zh-CN) error sentences: short, natural, naming the field like 「申请金额」. */
import type { MessageSpec } from './message-spec';
import { decimalPlaces, formatNumber, MAX_LISTED_OPTIONS } from './message-spec';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  null: '空值',
};

/** The zh-CN sentence for a spec about the field labelled `L`. */
export function chineseMessage(L: string, spec: MessageSpec): string {
  switch (spec.kind) {
    case 'required':
      return `请填写${L}`;
    case 'type':
      return `${L}应为${spec.types.map((t) => TYPE_NAMES[t] ?? t).join('或')}`;
    case 'minimum':
      return `${L}不能小于 ${formatNumber(spec.limit)}`;
    case 'maximum':
      return `${L}不能大于 ${formatNumber(spec.limit)}`;
    case 'exclusiveMinimum':
      return `${L}必须大于 ${formatNumber(spec.limit)}`;
    case 'exclusiveMaximum':
      return `${L}必须小于 ${formatNumber(spec.limit)}`;
    case 'minLength':
      return spec.limit <= 1 ? `请填写${L}` : `${L}不能少于 ${spec.limit} 个字符`;
    case 'maxLength':
      return `${L}不能超过 ${spec.limit} 个字符`;
    case 'minItems':
      return `${L}至少需要 ${spec.limit} 项`;
    case 'maxItems':
      return `${L}最多只能有 ${spec.limit} 项`;
    case 'minProperties':
      return `${L}至少需要填写 ${spec.limit} 项`;
    case 'maxProperties':
      return `${L}最多只能填写 ${spec.limit} 项`;
    case 'pattern':
      return `${L}的格式不正确`;
    case 'format':
      return formatMessage(L, spec.format);
    case 'enum':
      return `${L}只能是以下选项之一：${listOptions(spec.options)}`;
    case 'const':
      return spec.value === true ? `请勾选${L}` : `${L}必须为 ${displayValue(spec.value)}`;
    case 'multipleOf':
      return multipleOfMessage(L, spec.factor);
    case 'additionalProperties':
      return `${L}中包含未定义的字段「${spec.key}」`;
    case 'propertyName':
      return `${L}中的字段名「${spec.key}」不符合要求`;
    case 'forbiddenKey':
      return `不允许使用字段名「${spec.key}」`;
    case 'dependentRequired':
      return `填写${spec.trigger}时，必须同时填写${L}`;
    case 'uniqueItems':
      return `${L}的第 ${spec.first} 项与第 ${spec.second} 项重复`;
    case 'dataLimit':
      if (spec.limit === 'maxBytes') return `提交的数据过大，不能超过 ${spec.max / 1024} KiB`;
      if (spec.limit === 'maxDepth') return `提交的数据层级过深，不能超过 ${spec.max} 层`;
      return `提交的数据项过多，不能超过 ${spec.max} 个`;
    case 'json':
      return `${L}不是有效的 JSON 数据`;
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

function formatMessage(L: string, format: string): string {
  switch (format) {
    case 'date':
      return `${L}应为有效的日期，如 2024-01-31`;
    case 'date-time':
      return `${L}应为有效的日期时间，如 2024-01-31T09:30:00+08:00`;
    case 'time':
      return `${L}应为有效的时间，如 09:30:00+08:00`;
    case 'email':
      return `${L}应为有效的电子邮箱地址`;
    case 'uri':
      return `${L}应为有效的网址，如 https://example.com`;
    case 'uuid':
      return `${L}应为有效的 UUID`;
    case 'flowform-user':
      return `${L}应为人员的用户名，请从列表中选择`;
    case 'flowform-unit':
      return `${L}应为单位编号，请从列表中选择`;
    default:
      return `${L}的格式不正确`;
  }
}

function multipleOfMessage(L: string, factor: number): string {
  if (factor === 1) return `${L}应为整数`;
  const places = decimalPlaces(factor);
  return places === undefined
    ? `${L}必须是 ${formatNumber(factor)} 的整数倍`
    : `${L}最多保留 ${places} 位小数`;
}

function listOptions(options: string[]): string {
  const shown = options.slice(0, MAX_LISTED_OPTIONS).join('、');
  return options.length > MAX_LISTED_OPTIONS ? `${shown}等 ${options.length} 项` : shown;
}

/** A data value as shown in a zh-CN sentence. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value === null) return '空';
  return typeof value === 'number' ? formatNumber(value) : JSON.stringify(value);
}

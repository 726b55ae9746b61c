/** Conversions between the evaluator's values and TypedValue (exact, type kept), for `evaluateTyped`. */
import {
  type CelInput,
  type CelValue,
  celList,
  celMap,
  celUint,
  isCelList,
  isCelMap,
  isCelType,
  isCelUint,
} from '@bufbuild/cel';
import { create } from '@bufbuild/protobuf';
import { DurationSchema, TimestampSchema } from '@bufbuild/protobuf/wkt';
import { messageOf } from './cel-values';
import { scalarToTyped, type TypedValue } from './typed-value';

type MapKey = string | bigint | boolean | ReturnType<typeof celUint>;

/** TypedValue → evaluator input. */
export function typedToCel(v: TypedValue): CelInput {
  switch (v.type) {
    case 'null':
      return null;
    case 'uint':
      return celUint(v.value);
    case 'list':
      return celList(v.value.map(typedToCel));
    case 'map':
      return celMap(new Map(v.value.map(([k, x]) => [typedToCel(k) as MapKey, typedToCel(x)])));
    case 'timestamp':
      return create(TimestampSchema, { seconds: v.seconds, nanos: v.nanos });
    case 'duration':
      return create(DurationSchema, { seconds: v.seconds, nanos: v.nanos });
    case 'type':
      throw new TypeError('type values cannot be bound to variables');
    default:
      return v.value;
  }
}

function objectToTyped(v: object): TypedValue {
  if (isCelUint(v)) return { type: 'uint', value: v.value };
  if (v instanceof Uint8Array) return { type: 'bytes', value: v };
  if (isCelList(v)) return { type: 'list', value: Array.from(v, celToTyped) };
  if (isCelMap(v))
    return { type: 'map', value: Array.from(v, ([k, x]) => [celToTyped(k as CelValue), celToTyped(x)]) };
  if (isCelType(v)) return { type: 'type', value: v.name };
  const m = messageOf(v);
  if (m?.$typeName === TimestampSchema.typeName)
    return { type: 'timestamp', seconds: m.seconds, nanos: m.nanos };
  if (m) return { type: 'duration', seconds: m.seconds, nanos: m.nanos };
  throw new TypeError(`no typed form for ${Object.prototype.toString.call(v)}`);
}

/** Evaluator value → TypedValue. */
export function celToTyped(v: CelValue): TypedValue {
  return scalarToTyped(v) ?? objectToTyped(v as object);
}

/**
 * Type names as Flowform shows them: `timestamp` and `duration` instead of the protobuf names,
 * `dyn` for unresolved type parameters (the element type of `[]`), and matching against what a
 * caller expects (`number` is int or double; `dyn` results pass, as CEL's gradual typing allows).
 */
import type { ExpectedType } from './cel-environment-types';

const RENAMES: Array<[RegExp, string]> = [
  [/google\.protobuf\.Timestamp/g, 'timestamp'],
  [/google\.protobuf\.Duration/g, 'duration'],
  // Single capital letters are cel-js type parameters (`list<T>`, `map<K, V>`).
  [/(?<=^|[<,]\s*)[A-Z](?=$|\s*[>,])/g, 'dyn'],
];

/** Renders a cel-js type name the way lint messages and `CheckResult.type` use it. */
export function displayTypeName(name: string): string {
  if (name === 'list') return 'list<dyn>';
  if (name === 'map') return 'map<dyn, dyn>';
  return RENAMES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), name);
}

/** Whether a static result type satisfies an expected type. */
export function matchesExpected(type: string, expected: ExpectedType): boolean {
  if (expected === 'dyn' || type === 'dyn' || type.startsWith('dyn<')) return true;
  switch (expected) {
    case 'number':
      return type === 'int' || type === 'double' || type === 'uint';
    case 'list<string>':
      return type === 'list<string>' || type === 'list<dyn>';
    default:
      return type === expected;
  }
}

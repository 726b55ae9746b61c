/**
 * Which top-level case fields name each string found in the case data, at any depth (an attachment
 * widget stores the file's id, alone or in a list of `{ description, attachmentId }`): a file
 * belongs to the fields that name its id.
 */
export function attachmentFields(data: Record<string, unknown>): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const [field, value] of Object.entries(data)) {
    for (const text of strings(value, 0)) {
      const list = owners.get(text) ?? [];
      if (!list.includes(field)) list.push(field);
      owners.set(text, list);
    }
  }
  return owners;
}

const MAX_DEPTH = 32;

function* strings(value: unknown, depth: number): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (depth < MAX_DEPTH && Array.isArray(value))
    for (const item of value) yield* strings(item, depth + 1);
  else if (depth < MAX_DEPTH && value && typeof value === 'object')
    for (const item of Object.values(value)) yield* strings(item, depth + 1);
}

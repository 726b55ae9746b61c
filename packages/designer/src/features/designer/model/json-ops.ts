/**
 * The four primitive edits every command is made of, on immutable JSON: each application answers
 * its exact inverse, so reverting restores the document byte for byte (key order included).
 */
export type Path = readonly (string | number)[];

export type Op =
  /** Replace the value at `path`, or add the key (at position `at` of the object, else at the end). */
  | { op: 'put'; path: Path; value: unknown; at?: number }
  /** Remove an object key or an array element. */
  | { op: 'delete'; path: Path }
  /** Insert into an array at the index `path` ends with. */
  | { op: 'insert'; path: Path; value: unknown }
  /** Rename an object key in place (its position is kept). */
  | { op: 'rename'; path: Path; to: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined. */
export function getAt(doc: unknown, path: Path): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current) && typeof key === 'string' && Object.hasOwn(current, key))
      current = current[key];
    else return undefined;
  }
  return current;
}

/** Whether `path` names an existing key or element. */
export function hasAt(doc: unknown, path: Path): boolean {
  if (path.length === 0) return true;
  const parent = getAt(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) return typeof key === 'number' && key >= 0 && key < parent.length;
  return isObject(parent) && typeof key === 'string' && Object.hasOwn(parent, key);
}

/** Rebuilds `container` with `edit` applied to its copy; parents are copied along the path. */
function updateAt(doc: unknown, parentPath: Path, edit: (container: unknown) => unknown): unknown {
  if (parentPath.length === 0) return edit(doc);
  const [head, ...rest] = parentPath;
  if (Array.isArray(doc) && typeof head === 'number') {
    const copy = doc.slice();
    copy[head] = updateAt(doc[head], rest, edit);
    return copy;
  }
  if (isObject(doc) && typeof head === 'string' && Object.hasOwn(doc, head)) {
    return { ...doc, [head]: updateAt(doc[head], rest, edit) };
  }
  throw new Error(`No container at ${JSON.stringify(parentPath)}`);
}

function entriesWith(obj: Json, key: string, value: unknown, at: number | undefined): Json {
  const entries = Object.entries(obj);
  const index = at === undefined ? entries.length : Math.max(0, Math.min(at, entries.length));
  entries.splice(index, 0, [key, value]);
  return Object.fromEntries(entries);
}

/** Applies one op; answers the new document and the op that undoes it. */
export function applyOp(doc: unknown, op: Op): { doc: unknown; inverse: Op } {
  const parentPath = op.path.slice(0, -1);
  const key = op.path[op.path.length - 1];
  if (key === undefined) throw new Error('An op needs a non-empty path');
  let inverse: Op | undefined;
  const next = updateAt(doc, parentPath, (container) => {
    if (Array.isArray(container)) {
      if (typeof key !== 'number') throw new Error(`Array index expected at ${JSON.stringify(op.path)}`);
      const copy = container.slice();
      if (op.op === 'put') {
        if (key >= copy.length) throw new Error(`No element ${key}`);
        inverse = { op: 'put', path: op.path, value: copy[key] };
        copy[key] = op.value;
      } else if (op.op === 'insert') {
        inverse = { op: 'delete', path: op.path };
        copy.splice(key, 0, op.value);
      } else if (op.op === 'delete') {
        inverse = { op: 'insert', path: op.path, value: copy[key] };
        copy.splice(key, 1);
      } else throw new Error('Cannot rename an array element');
      return copy;
    }
    if (!isObject(container) || typeof key !== 'string')
      throw new Error(`Object key expected at ${JSON.stringify(op.path)}`);
    const exists = Object.hasOwn(container, key);
    if (op.op === 'put') {
      if (exists) {
        inverse = { op: 'put', path: op.path, value: container[key] };
        return { ...container, [key]: op.value };
      }
      inverse = { op: 'delete', path: op.path };
      return entriesWith(container, key, op.value, op.at);
    }
    if (op.op === 'delete') {
      if (!exists) throw new Error(`No key ${JSON.stringify(op.path)}`);
      const at = Object.keys(container).indexOf(key);
      inverse = { op: 'put', path: op.path, value: container[key], at };
      const { [key]: _removed, ...rest } = container;
      return rest;
    }
    if (op.op === 'rename') {
      if (!exists) throw new Error(`No key ${JSON.stringify(op.path)}`);
      if (op.to !== key && Object.hasOwn(container, op.to)) throw new Error(`Key '${op.to}' exists`);
      inverse = { op: 'rename', path: [...parentPath, op.to], to: key };
      return Object.fromEntries(Object.entries(container).map(([k, v]) => [k === key ? op.to : k, v]));
    }
    throw new Error('Cannot insert into an object');
  });
  return { doc: next, inverse: inverse! };
}

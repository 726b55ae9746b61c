/**
 * The operations of an OpenAPI 3.1 document, read into what the fuzzer needs: method and path
 * template, parameters with their schemas, the request body's media types, and the documented
 * responses (status → media type → schema). Schemas stay JSON Schema 2020-12 with
 * `#/components/schemas/...` references; `resolve` follows one.
 */

/** A JSON Schema object (booleans are not used by the documents this reads). */
export type JsonSchema = Record<string, unknown>;

interface RawParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/** The parts of an OpenAPI document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `METHOD /path/{template}`, the key of every report row. */
  id: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; content: Record<string, JsonSchema> };
  /** Documented responses: status → media type → schema (no media types: an empty body). */
  responses: Record<string, Record<string, JsonSchema>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every operation of the document, in document order. */
export function readOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const upper = method.toUpperCase();
      operations.push({
        id: `${upper} ${path}`,
        method: upper,
        path,
        parameters: readParameters(raw.parameters ?? []),
        ...(raw.requestBody
          ? {
              body: {
                required: raw.requestBody.required ?? false,
                content: mapValues(raw.requestBody.content, (m) => m.schema ?? {}),
              },
            }
          : {}),
        responses: mapValues(raw.responses, (r) => mapValues(r.content ?? {}, (m) => m.schema ?? {})),
      });
    }
  }
  return operations;
}

/** Parameters once each (a document may list a path parameter twice). */
function readParameters(raw: RawParameter[]): Parameter[] {
  const seen = new Map<string, Parameter>();
  for (const p of raw) {
    const key = `${p.in}:${p.name}`;
    if (!seen.has(key))
      seen.set(key, {
        name: p.name,
        in: p.in,
        required: p.required ?? p.in === 'path',
        schema: p.schema ?? {},
      });
  }
  return [...seen.values()];
}

/** Follows a `#/components/schemas/...` reference (repeatedly); other schemas come back as they are. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let i = 0; i < 16 && typeof current.$ref === 'string'; i++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolvable reference ${current.$ref}`);
    current = target;
  }
  return current;
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

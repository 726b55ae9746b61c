import { z } from '@hono/zod-openapi';

/** Text in both languages. */
export const LocalizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() }).openapi('LocalizedText');

/** An RFC 9457 problem document with Flowform's stable `code`. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'not-found' }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), keyword: z.string().optional(), message: z.string() }))
      .optional(),
  })
  .openapi('Problem');

export type Problem = z.output<typeof ProblemSchema>;

/** Any JSON object (case data, form schemas). */
export const JsonObjectSchema = z.record(z.string(), z.unknown()).openapi({ type: 'object' });

/**
 * A JSON object whose shape the engine owns (a process definition, a form, a directory seed):
 * validated and documented exactly as {@link JsonObjectSchema} (any object), typed as the engine's `T`
 * for both sides, so nothing mirrors the engine's types by hand.
 */
export const engineObject = <T extends object>() => JsonObjectSchema as unknown as z.ZodType<T, T>;

/**
 * A string the contract knows more precisely than `/openapi.json` says (the document keeps
 * `type: string`): the server's own values, typed as the union `T` for both sides.
 */
export const stringOf = <T extends string>() => z.string() as unknown as z.ZodType<T, T>;

/** A username. */
export const UsernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)
  .openapi({ example: 'sec1' });

/** How an ended case ended: its final state's declared outcome, or `cancelled`; null while running. */
export const CaseOutcomeSchema = z
  .enum(['approved', 'rejected', 'withdrawn', 'cancelled', 'completed'])
  .nullable()
  .openapi('CaseOutcome');

/** What every case command answers. */
export const CommandResultSchema = z
  .object({
    instanceId: z.string(),
    version: z.number().int(),
    status: z.enum(['running', 'completed', 'cancelled']),
    tasks: z.array(z.string()),
    replayed: z.boolean(),
  })
  .openapi('CommandResult');

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Problem responses by status, for route declarations. */
export function problemResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502)[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed request',
    401: 'Not signed in',
    403: 'Visible but not allowed',
    404: 'Not found, or not visible to you',
    409: 'Conflict: the case or task moved on',
    413: 'Body too large',
    415: 'Unsupported media type',
    422: 'Invalid form data, or the command is not enabled',
    429: 'Too many attempts',
    502: 'A service this one relies on (the sign-in provider) could not be reached',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s]!, content: problemContent }]),
  ) as Record<number, { description: string; content: typeof problemContent }>;
}

/** A JSON response of `schema`, for route declarations. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body of `schema` (`required: false`: the body may be left out). */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});

/** `{id}` path parameter. */
export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

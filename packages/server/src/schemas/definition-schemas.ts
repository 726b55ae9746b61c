import { z } from '@hono/zod-openapi';
import { JsonObjectSchema, LocalizedTextSchema } from './common-schemas';

/** A process I may start, with its start form. */
export const StartableSchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    startForm: z.object({ key: z.string(), schema: JsonObjectSchema, uiSchema: JsonObjectSchema }).nullable(),
  })
  .openapi('Startable');

/** A published version's metadata. */
export const VersionInfoSchema = z
  .object({ version: z.number().int(), hash: z.string(), publishedBy: z.string(), publishedAt: z.string() })
  .openapi('VersionInfo');

/** A definition bundle as stored: the process and its forms. */
export const BundleSchema = z
  .object({
    definition: JsonObjectSchema,
    forms: z.record(z.string(), JsonObjectSchema),
  })
  .strict()
  .openapi('DefinitionBundle');

/** A published version with its bundle. */
export const DefinitionVersionSchema = VersionInfoSchema.extend({
  key: z.string(),
  definition: JsonObjectSchema,
  forms: z.record(z.string(), JsonObjectSchema),
}).openapi('DefinitionVersion');

/** The latest version, the version list, and (for administrators) the draft. */
export const DefinitionDetailSchema = DefinitionVersionSchema.extend({
  versions: z.array(VersionInfoSchema),
  mayStart: z.boolean(),
  draft: z.object({ updatedBy: z.string(), updatedAt: z.string() }).nullable(),
}).openapi('DefinitionDetail');

/** A lint finding. */
export const LintProblemSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    path: z.string(),
    hint: z.string(),
  })
  .openapi('LintProblem');

/** What lint answers. */
export const LintResultSchema = z.object({ problems: z.array(LintProblemSchema) }).openapi('LintResult');

/** What a publish answers. */
export const PublishResultSchema = z
  .object({ version: z.number().int(), hash: z.string(), created: z.boolean() })
  .openapi('PublishResult');

/** `:key` path parameter. */
export const KeyParamSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'hardship-assistance' }),
});

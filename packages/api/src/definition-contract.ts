import type { FormDefinition, ProcessDefinition } from '@flowform/engine';
import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import {
  engineObject,
  JsonObjectSchema,
  json,
  LocalizedTextSchema,
  problemResponses,
} from './common-schemas';

/** A process definition, typed as the engine's. */
export const ProcessDefinitionSchema = engineObject<ProcessDefinition>();

/** A process's forms by key, typed as the engine's. */
export const FormsSchema = z.record(z.string(), engineObject<FormDefinition>());

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

/** A published version with its bundle. */
export const DefinitionVersionSchema = VersionInfoSchema.extend({
  key: z.string(),
  definition: ProcessDefinitionSchema,
  forms: FormsSchema,
}).openapi('DefinitionVersion');

/** Who saved a draft last, and when. */
export const DraftStampSchema = z.object({ updatedBy: z.string(), updatedAt: z.string() });

/** The latest version, the version list, and (for administrators) the draft. */
export const DefinitionDetailSchema = DefinitionVersionSchema.extend({
  versions: z.array(VersionInfoSchema),
  mayStart: z.boolean(),
  draft: z.union([DraftStampSchema, z.null()]),
}).openapi('DefinitionDetail');

export type Startable = z.output<typeof StartableSchema>;
export type VersionInfo = z.output<typeof VersionInfoSchema>;
export type DefinitionVersion = z.output<typeof DefinitionVersionSchema>;
export type DefinitionDetail = z.output<typeof DefinitionDetailSchema>;

/** `:key` path parameter. */
export const KeyParamSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'hardship-assistance' }),
});

/** `/api/definitions`: reading published definitions, for any signed-in user. */
export const definitionContract = {
  list: apiRoute({
    method: 'get',
    path: '/api/definitions',
    tags: ['definitions'],
    summary: 'The processes I may start (their starters rule admits me), latest versions',
    responses: {
      200: json(z.object({ items: z.array(StartableSchema) }), 'Startable processes'),
      ...problemResponses(401),
    },
  }),
  detail: apiRoute({
    method: 'get',
    path: '/api/definitions/{key}',
    tags: ['definitions'],
    summary: 'The latest published version of a definition, with its version list',
    request: { params: KeyParamSchema },
    responses: { 200: json(DefinitionDetailSchema, 'The definition'), ...problemResponses(400, 401, 404) },
  }),
  version: apiRoute({
    method: 'get',
    path: '/api/definitions/{key}/versions/{version}',
    tags: ['definitions'],
    summary: 'One published version, pinned (what its cases step against)',
    request: {
      params: KeyParamSchema.extend({
        version: z.coerce
          .number()
          .int()
          .min(1)
          .max(1_000_000)
          .openapi({ param: { name: 'version', in: 'path' } }),
      }),
    },
    responses: { 200: json(DefinitionVersionSchema, 'The version'), ...problemResponses(400, 401, 404) },
  }),
};

import type { DefinitionBundle, DirectorySeed } from '@flowform/engine';
import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { engineObject, json, LocalizedTextSchema, problemResponses } from './common-schemas';
import {
  DraftStampSchema,
  FormsSchema,
  KeyParamSchema,
  ProcessDefinitionSchema,
  VersionInfoSchema,
} from './definition-contract';

/** A row of the designer's definition list. */
const DesignerDefinitionSummarySchema = z.object({
  key: z.string(),
  name: LocalizedTextSchema,
  latestVersion: z.number().int().nullable(),
  draft: z.union([DraftStampSchema, z.null()]),
  runningCases: z.number().int(),
});

/** A definition opened for editing. */
const DesignerDefinitionSchema = z.object({
  key: z.string(),
  draft: DraftStampSchema.extend({ bundle: engineObject<DefinitionBundle>() }).nullable(),
  published: z
    .object({ version: z.number().int(), definition: ProcessDefinitionSchema, forms: FormsSchema })
    .nullable(),
  versions: z.array(VersionInfoSchema.extend({ runningCases: z.number().int() })),
});

export type DesignerDefinitionSummary = z.output<typeof DesignerDefinitionSummarySchema>;
export type DesignerDefinition = z.output<typeof DesignerDefinitionSchema>;

/** `/api/designer`: what the visual designer reads besides the definition routes (administrators). */
export const designerContract = {
  list: apiRoute({
    method: 'get',
    path: '/api/designer/definitions',
    tags: ['designer'],
    summary: 'Every definition, published or only drafted, with running cases (administrators)',
    responses: {
      200: json(z.object({ items: z.array(DesignerDefinitionSummarySchema) }), 'Definitions'),
      ...problemResponses(401, 403),
    },
  }),
  detail: apiRoute({
    method: 'get',
    path: '/api/designer/definitions/{key}',
    tags: ['designer'],
    summary:
      'A definition for editing: its draft, the latest published bundle, and running cases per version (administrators)',
    request: { params: KeyParamSchema },
    responses: {
      200: json(DesignerDefinitionSchema, 'The definition'),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
  directory: apiRoute({
    method: 'get',
    path: '/api/designer/directory',
    tags: ['designer'],
    summary:
      'The directory as a seed (users, units, roles, contracts) for pickers and simulation (administrators)',
    responses: {
      200: json(engineObject<DirectorySeed>(), 'The directory'),
      ...problemResponses(401, 403),
    },
  }),
};

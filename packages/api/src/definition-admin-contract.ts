import type { LintProblem } from '@flowform/engine';
import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, jsonBody, problemResponses } from './common-schemas';
import { FormsSchema, KeyParamSchema, ProcessDefinitionSchema } from './definition-contract';

/** A definition bundle as stored: the process and its forms. */
export const BundleSchema = z
  .object({ definition: ProcessDefinitionSchema, forms: FormsSchema })
  .strict()
  .openapi('DefinitionBundle');

/** A lint finding (the engine's `LintProblem`). */
export const LintProblemSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    path: z.string(),
    hint: z.string(),
  })
  .openapi('LintProblem') satisfies z.ZodType<LintProblem>;

/** What lint answers. */
export const LintResultSchema = z.object({ problems: z.array(LintProblemSchema) }).openapi('LintResult');

/** What a publish answers. */
export const PublishResultSchema = z
  .object({ version: z.number().int(), hash: z.string(), created: z.boolean() })
  .openapi('PublishResult');

/** Drafting, linting and publishing definitions: administrators only (the server adds the check). */
export const definitionAdminContract = {
  putDraft: apiRoute({
    method: 'put',
    path: '/api/definitions/{key}/draft',
    tags: ['definitions'],
    summary: 'Save the draft of a definition (administrators)',
    request: { params: KeyParamSchema, body: jsonBody(BundleSchema) },
    responses: {
      200: json(z.object({ key: z.string(), updatedBy: z.string(), updatedAt: z.string() }), 'Saved'),
      ...problemResponses(400, 401, 403, 413, 415, 422),
    },
  }),
  lint: apiRoute({
    method: 'post',
    path: '/api/definitions/{key}/lint',
    tags: ['definitions'],
    summary: 'Lint the given bundle, or the draft when the body is empty (administrators)',
    request: { params: KeyParamSchema, body: jsonBody(BundleSchema, false) },
    responses: {
      200: json(LintResultSchema, 'Problems found'),
      ...problemResponses(400, 401, 403, 404, 413, 415),
    },
  }),
  publish: apiRoute({
    method: 'post',
    path: '/api/definitions/{key}/publish',
    tags: ['definitions'],
    summary: 'Publish the draft as the next version; refused while lint finds errors (administrators)',
    request: { params: KeyParamSchema },
    responses: { 201: json(PublishResultSchema, 'Published'), ...problemResponses(401, 403, 404, 422) },
  }),
};

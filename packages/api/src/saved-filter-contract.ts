import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, jsonBody, problemResponses } from './common-schemas';

const FilterSchema = z
  .object({
    q: z.string().max(200).optional(),
    definitionKey: z.string().max(64).optional(),
    due: z.enum(['soon', 'overdue', '']).optional(),
    sort: z.string().max(32).optional(),
    scope: z.enum(['todo', 'done', 'cc', 'started']).optional(),
  })
  .strict();

/** A user's named inbox filters. */
export const SavedFiltersSchema = z
  .object({
    items: z.array(z.object({ name: z.string().min(1).max(60), filter: FilterSchema }).strict()).max(50),
  })
  .strict()
  .openapi('SavedFilters');

export type SavedFilters = z.output<typeof SavedFiltersSchema>;

/** `GET/PUT /api/me/saved-filters`: per-user inbox filters stored on the server. */
export const savedFilterContract = {
  read: apiRoute({
    method: 'get',
    path: '/api/me/saved-filters',
    tags: ['auth'],
    summary: "The signed-in user's saved inbox filters (they follow the user to any device)",
    responses: { 200: json(SavedFiltersSchema, 'Saved filters'), ...problemResponses(401) },
  }),
  write: apiRoute({
    method: 'put',
    path: '/api/me/saved-filters',
    tags: ['auth'],
    summary: "Replaces the signed-in user's saved inbox filters",
    request: { body: jsonBody(SavedFiltersSchema) },
    responses: { 200: json(SavedFiltersSchema, 'Saved'), ...problemResponses(400, 401, 422) },
  }),
};

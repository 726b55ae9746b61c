import { z } from '@hono/zod-openapi';
import { LocalizedTextSchema } from './common-schemas';

/**
 * What one instance of a multi-instance task works on (the cadre a rater scores): a person of the
 * directory with their home unit, a unit, or a short text. Null on other tasks, and when the viewer
 * may not see the case fields it comes from.
 */
export const TaskSubjectSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('person'),
      username: z.string(),
      name: LocalizedTextSchema,
      unit: z.object({ id: z.string(), name: LocalizedTextSchema }).nullable(),
    }),
    z.object({ kind: z.literal('unit'), id: z.string(), name: LocalizedTextSchema }),
    z.object({ kind: z.literal('text'), text: LocalizedTextSchema }),
  ])
  .openapi('TaskSubject');

export type TaskSubject = z.output<typeof TaskSubjectSchema>;

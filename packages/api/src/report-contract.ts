import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, LocalizedTextSchema, problemResponses } from './common-schemas';

const CaseFlowSchema = z.object({
  definitionKey: z.string(),
  unit: z.string(),
  week: z.string().openapi({ description: 'Monday of the week (UTC), YYYY-MM-DD' }),
  started: z.number().int(),
  ended: z.number().int(),
});

const CycleTimeSchema = z.object({
  definitionKey: z.string(),
  stateId: z.string().nullable().openapi({ description: 'null: the whole case, start to end' }),
  count: z.number().int(),
  p50Minutes: z.number(),
  p90Minutes: z.number(),
});

const OpenTasksSchema = z.object({ open: z.number().int(), overdue: z.number().int() });

const OutcomeSchema = z.object({
  definitionKey: z.string(),
  finalState: z.string().openapi({ description: "The final state the case ended in ('' when cancelled)" }),
  status: z.enum(['completed', 'cancelled']),
  verdict: z.enum(['approved', 'rejected', 'withdrawn', 'cancelled', 'completed']).openapi({
    description:
      "How the cases ended: the outcome their final state declares (a version published before outcomes were declared: judged by the final state's id and name); cancelled when an administrator or the initiator cancelled",
  }),
  count: z.number().int(),
});

/** Every figure of the dashboards, as the viewer may see them, with names to show. */
export const ReportDashboardSchema = z
  .object({
    generatedAt: z.string(),
    asOf: z.string().openapi({
      description:
        'When the figures were counted (at most 30 s before generatedAt; overdue means due before then)',
    }),
    weeks: z.array(z.string()),
    caseFlow: z.array(CaseFlowSchema),
    cycleTimes: z.array(CycleTimeSchema),
    slowestSteps: z.array(CycleTimeSchema),
    openByUnit: z.array(OpenTasksSchema.extend({ unit: z.string() })),
    openByPerson: z.array(OpenTasksSchema.extend({ assignee: z.string().nullable() })),
    outcomes: z.array(OutcomeSchema),
    labels: z.object({
      processes: z.record(z.string(), LocalizedTextSchema),
      states: z.record(z.string(), LocalizedTextSchema).openapi({ description: 'key: "process/state"' }),
      units: z.record(z.string(), LocalizedTextSchema),
      people: z.record(z.string(), LocalizedTextSchema),
    }),
  })
  .openapi('ReportDashboard');

export type ReportDashboard = z.output<typeof ReportDashboardSchema>;

const DashboardQuerySchema = z
  .object({ weeks: z.coerce.number().int().min(1).max(104).default(12) })
  .strict();

/** The tables an export can write: each dashboard table, or a case list. */
export const ReportTableSchema = z.enum([
  'caseFlow',
  'cycleTimes',
  'slowestSteps',
  'openByUnit',
  'openByPerson',
  'outcomes',
  'cases',
]);

export type ReportTable = z.output<typeof ReportTableSchema>;

const ExportQuerySchema = z
  .object({
    table: ReportTableSchema,
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    weeks: z.coerce.number().int().min(1).max(104).default(12),
    scope: z.enum(['started', 'involved', 'all']).default('all'),
  })
  .strict();

/** `/api/reports`: dashboards for administrators and district leaders, and exports. */
export const reportContract = {
  dashboard: apiRoute({
    method: 'get',
    path: '/api/reports/dashboard',
    tags: ['reports'],
    summary:
      'Dashboard figures (administrators and district leaders): cases per week, cycle times, open and overdue tasks, slowest steps, outcomes; confidential cases count only where the viewer may see them',
    request: { query: DashboardQuerySchema },
    responses: { 200: json(ReportDashboardSchema, 'The figures'), ...problemResponses(400, 401, 403) },
  }),
  export: apiRoute({
    method: 'get',
    path: '/api/reports/export',
    tags: ['reports'],
    summary:
      'One dashboard table (administrators and district leaders) or a case list (anyone: the cases they may see) as CSV or XLSX; only list columns, never form fields',
    request: { query: ExportQuerySchema },
    responses: {
      200: {
        description: 'The file, as an attachment',
        content: {
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
      },
      ...problemResponses(400, 401, 403),
    },
  }),
};

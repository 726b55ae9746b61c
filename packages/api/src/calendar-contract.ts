import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, jsonBody, problemResponses } from './common-schemas';

const isRealDate = (d: string) => {
  const at = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(d);
};

/** A day an administrator sets: a holiday or closure (`off`) or an extra working day (`work`). */
export const CalendarDaySchema = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(isRealDate, 'not a calendar date'),
    kind: z.enum(['off', 'work']),
    name: z.string().trim().min(1).max(100),
  })
  .strict()
  .openapi('CalendarDay');

const DaysSchema = z
  .array(CalendarDaySchema)
  .max(2000)
  .superRefine((days, ctx) => {
    const seen = new Set<string>();
    days.forEach((day, i) => {
      if (seen.has(day.date))
        ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${day.date} is listed twice` });
      seen.add(day.date);
    });
  });

/** The working-day calendar as administrators see it. */
export const CalendarSchema = z
  .object({
    version: z.number().int(),
    days: z.array(CalendarDaySchema),
    /** The years the `chinese-days` package data covers; later years need administrators' days. */
    packageYears: z.object({ from: z.number().int(), to: z.number().int() }),
    history: z.array(
      z.object({
        version: z.number().int(),
        changedBy: z.string(),
        changedAt: z.string(),
        comment: z.string().nullable(),
        days: z.number().int(),
      }),
    ),
  })
  .openapi('WorkingCalendar');

export const CalendarSaveSchema = z
  .object({
    days: DaysSchema,
    comment: z.string().max(500).optional(),
    /** The version the editor read; a save over a newer one is a 409. */
    expectedVersion: z.number().int().min(0),
  })
  .strict()
  .openapi('WorkingCalendarSave');

export const SchedulePreviewRequestSchema = z
  .object({ when: z.string().min(1).max(120), timezone: z.string().min(1).max(64).optional() })
  .strict()
  .openapi('SchedulePreviewRequest');

export const SchedulePreviewSchema = z
  .object({ fires: z.array(z.string()), calendarVersion: z.number().int() })
  .openapi('SchedulePreview');

export const CalendarYearParamSchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2999)
    .openapi({ param: { name: 'year', in: 'path' } }),
});

/** The package's days of one year: public holidays (`off`) and make-up working days (`work`, 调休). */
export const PackageYearSchema = z
  .object({ year: z.number().int(), days: z.array(CalendarDaySchema) })
  .openapi('CalendarPackageYear');

export type WorkingCalendarView = z.output<typeof CalendarSchema>;
export type SchedulePreview = z.output<typeof SchedulePreviewSchema>;

/** `/api/admin/calendar` (administrators) and the designer's schedule preview. */
export const calendarContract = {
  read: apiRoute({
    method: 'get',
    path: '/api/admin/calendar',
    tags: ['admin'],
    summary:
      "The working-day calendar: the administrators' days over the chinese-days data, with its versions",
    responses: { 200: json(CalendarSchema, 'The calendar'), ...problemResponses(401, 403) },
  }),
  packageYear: apiRoute({
    method: 'get',
    path: '/api/admin/calendar/package/{year}',
    tags: ['admin'],
    summary:
      "One year's public holidays and make-up working days (调休) from the chinese-days data (empty for a year it does not cover)",
    request: { params: CalendarYearParamSchema },
    responses: { 200: json(PackageYearSchema, 'The days'), ...problemResponses(400, 401, 403) },
  }),
  save: apiRoute({
    method: 'put',
    path: '/api/admin/calendar',
    tags: ['admin'],
    summary: "Saves the administrators' days (holidays, closures, extra working days) as the next version",
    request: { body: jsonBody(CalendarSaveSchema) },
    responses: { 200: json(CalendarSchema, 'Saved'), ...problemResponses(400, 401, 403, 409, 422) },
  }),
  preview: apiRoute({
    method: 'post',
    path: '/api/designer/schedule-preview',
    tags: ['designer'],
    summary:
      "A schedule's next five fire times on the current working-day calendar (422 when `when` is no rule)",
    request: { body: jsonBody(SchedulePreviewRequestSchema) },
    responses: { 200: json(SchedulePreviewSchema, 'The next fires'), ...problemResponses(400, 401, 422) },
  }),
};

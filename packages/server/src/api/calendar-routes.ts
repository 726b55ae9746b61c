import { calendarContract as contract, type WorkingCalendarView } from '@flowform/api';
import { nextFireTimes, parseScheduleRule } from '@flowform/engine';
import {
  calendarDays,
  packageCalendarLastYear,
  packageCalendarYear,
  RuntimeError,
  saveCalendarDays,
} from '@flowform/runtime';
import { ApiProblem, problems } from '../http/problem';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';

/** The first year of the `chinese-days` data. */
const PACKAGE_FIRST_YEAR = 2004;

async function view(ctx: ServerContext): Promise<WorkingCalendarView> {
  const { version, days } = await calendarDays(ctx.runtime.db);
  const history = await ctx.db
    .selectFrom('calendar_versions')
    .select(['version', 'changed_by', 'changed_at', 'comment', 'days'])
    .orderBy('version', 'desc')
    .limit(20)
    .execute();
  return {
    version,
    days,
    packageYears: { from: PACKAGE_FIRST_YEAR, to: packageCalendarLastYear() },
    history: history.map((h) => ({
      version: h.version,
      changedBy: h.changed_by,
      changedAt: new Date(h.changed_at).toISOString(),
      comment: h.comment,
      days: h.days.length,
    })),
  };
}

/**
 * `/api/admin/calendar`: the administrators' working days (versioned; each save is its own change
 * record), and `/api/designer/schedule-preview`: a schedule's next five fires on that calendar.
 */
export function calendarRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(adminOnly(contract.read), async (c) => c.json(await view(ctx), 200))
    .openapi(adminOnly(contract.packageYear), (c) => {
      const { year } = c.req.valid('param');
      return c.json({ year, days: packageCalendarYear(year) }, 200);
    })
    .openapi(adminOnly(contract.save), async (c) => {
      const body = c.req.valid('json');
      try {
        await saveCalendarDays(ctx.runtime.db, {
          days: body.days,
          changedBy: c.get('user').username,
          comment: body.comment,
          expectedVersion: body.expectedVersion,
        });
      } catch (error) {
        if (error instanceof RuntimeError && error.code === 'conflict')
          throw problems.conflict(error.message);
        throw error;
      }
      return c.json(await view(ctx), 200);
    })
    .openapi(contract.preview, async (c) => {
      const { when, timezone } = c.req.valid('json');
      const reading = parseScheduleRule(when);
      if (!reading.ok)
        throw new ApiProblem(422, 'schedule-invalid', 'The schedule rule is invalid', reading.message, {
          errors: [{ path: '/when', message: reading.message }],
        });
      const runtime = ctx.runtime;
      const calendar = await runtime.calendarAt();
      const now = await runtime.currentTime();
      try {
        const fires = nextFireTimes({ when, timezone }, now, calendar, 5);
        return c.json({ fires, calendarVersion: calendar.version ?? 0 }, 200);
      } catch (error) {
        throw new ApiProblem(
          422,
          'schedule-invalid',
          'The schedule rule is invalid',
          (error as Error).message,
          {
            errors: [{ path: '/timezone', message: (error as Error).message }],
          },
        );
      }
    });
}

/** The calendar screen's server calls (administrators), typed by the HTTP contract (`calendarContract`). */
import type { calendarContract, Json, JsonRequest } from '@flowform/api';
import { request } from '../../api/http';

export type CalendarView = Json<typeof calendarContract.read, 200>;
export type CalendarDay = CalendarView['days'][number];
export type PackageYear = Json<typeof calendarContract.packageYear, 200>;

export const calendarApi = {
  read: () => request<CalendarView>('GET', '/api/admin/calendar'),
  packageYear: (year: number) => request<PackageYear>('GET', `/api/admin/calendar/package/${year}`),
  /** The administrators' days as the next version (409 when someone saved since `expectedVersion`). */
  save: (body: JsonRequest<typeof calendarContract.save>) =>
    request<CalendarView>('PUT', '/api/admin/calendar', { body }),
};

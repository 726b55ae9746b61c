/** Where a schedule lives in the document, and the ids a new one may not take. */
import type { ScheduleDef } from '@flowform/engine/browser';
import type { DesignDoc } from '../../model/design-doc';

export const SCHEDULE_ID = /^[a-z][a-zA-Z0-9-]{0,39}$/;

export function schedulesOf(doc: DesignDoc): ScheduleDef[] {
  return doc.definition.schedules ?? [];
}

/** The index of schedule `id`, or -1. */
export function scheduleIndex(doc: DesignDoc, id: string): number {
  return schedulesOf(doc).findIndex((s) => s.id === id);
}

/** `wish`, or `wish-2`, `wish-3` … the first not taken. */
export function uniqueScheduleId(doc: DesignDoc, wish: string): string {
  const taken = new Set(schedulesOf(doc).map((s) => s.id));
  if (!taken.has(wish)) return wish;
  let n = 2;
  while (taken.has(`${wish}-${n}`)) n += 1;
  return `${wish}-${n}`;
}

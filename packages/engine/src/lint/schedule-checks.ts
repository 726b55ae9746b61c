/**
 * Scheduled starts: `when` must be a named rule or a valid cron expression (`schedule-invalid`), the
 * time zone one the platform knows, ids unique, and the start data must name case fields and
 * type-check in the schedule environment (`now`, `people`, and `item` under `forEach`).
 */
import { isTimeZone } from '../calendar';
import type { ProcessDefinition } from '../definition/definition-types';
import { parseScheduleRule, scheduleEnvironment } from '../scheduling';
import { hintFor } from './expression-checks';
import type { ProblemList } from './lint-types';

export function checkSchedules(def: ProcessDefinition, problems: ProblemList): void {
  const seen = new Set<string>();
  const fields = new Set(Object.keys((def.caseSchema.properties ?? {}) as object));
  def.schedules?.forEach((schedule, i) => {
    const base = `/schedules/${i}`;
    if (seen.has(schedule.id))
      problems.error(
        'schedule-invalid',
        `${base}/id`,
        `Schedule id '${schedule.id}' is used twice`,
        'Give each schedule its own id',
      );
    seen.add(schedule.id);
    const reading = parseScheduleRule(schedule.when);
    if (!reading.ok)
      problems.error(
        'schedule-invalid',
        `${base}/when`,
        reading.message,
        'Use cron ("0 17 * * 5") or a named rule: "every Friday 17:00", "first working day of the month 09:00", "first working day of each quarter 09:00"',
      );
    if (schedule.timezone !== undefined && !isTimeZone(schedule.timezone))
      problems.error(
        'schedule-invalid',
        `${base}/timezone`,
        `'${schedule.timezone}' is not a time zone`,
        'Use an IANA zone such as "Asia/Shanghai"',
      );
    const env = scheduleEnvironment(def);
    let itemEnv = env;
    const forEach = schedule.start?.forEach;
    if (forEach !== undefined) {
      const checked = env.check(forEach, 'dyn');
      if (!checked.ok)
        problems.error(checked.code, `${base}/start/forEach`, checked.message, hintFor(checked.code));
      else if (!checked.type.startsWith('list') && checked.type !== 'dyn')
        problems.error(
          'cel-type',
          `${base}/start/forEach`,
          `forEach must yield a list, not ${checked.type}`,
          'Use e.g. people.filter(p, "grassrootsCadre" in p.roles)',
        );
      else itemEnv = env.forEachItem(forEach);
    }
    for (const [field, source] of Object.entries(schedule.start?.data ?? {})) {
      if (!fields.has(field)) {
        problems.error(
          'schedule-invalid',
          `${base}/start/data/${field}`,
          `'${field}' is not a case field`,
          `Add '${field}' to caseSchema.properties or use an existing field`,
        );
        continue;
      }
      const checked = itemEnv.check(source, 'dyn');
      const pointer = `${base}/start/data/${field}`;
      if (!checked.ok) problems.error(checked.code, pointer, checked.message, hintFor(checked.code));
      else if (!fits(checked.type, fieldType(def, field)))
        problems.error(
          'cel-type',
          pointer,
          `'${field}' is ${fieldType(def, field)} but the expression gives ${checked.type}`,
          "Return a value of the field's type",
        );
    }
  });
}

function fieldType(def: ProcessDefinition, field: string): string {
  const schema = (def.caseSchema.properties as Record<string, { type?: unknown }>)[field];
  return typeof schema?.type === 'string' ? schema.type : 'any';
}

/** Whether a CEL result type can be stored in a JSON Schema field of `jsonType`. */
function fits(celType: string, jsonType: string): boolean {
  if (celType === 'dyn' || jsonType === 'any') return true;
  switch (jsonType) {
    case 'integer':
      return celType === 'int' || celType === 'uint';
    case 'number':
      return celType === 'int' || celType === 'uint' || celType === 'double';
    case 'string':
      return celType === 'string';
    case 'boolean':
      return celType === 'bool';
    case 'array':
      return celType.startsWith('list');
    case 'object':
      return celType.startsWith('map');
    default:
      return true;
  }
}

import type { ReportDashboard } from '@flowform/api';
import type { Locale } from '@flowform/engine/browser';
import { pick } from '../../i18n/format';
import { reportsText } from './reports-text';

/** Names of processes, steps, units and people as the dashboard lists them, in `locale`. */
export function reportNames(d: ReportDashboard, locale: Locale) {
  return {
    process: (key: string) => pick(d.labels.processes[key], locale, key),
    step: (key: string, state: string | null) =>
      state === null ? reportsText(locale, 'none') : pick(d.labels.states[`${key}/${state}`], locale, state),
    unit: (id: string) => (id ? pick(d.labels.units[id], locale, id) : reportsText(locale, 'none')),
    person: (username: string | null) =>
      username ? pick(d.labels.people[username], locale, username) : reportsText(locale, 'unclaimed'),
  };
}

export type ReportNames = ReturnType<typeof reportNames>;

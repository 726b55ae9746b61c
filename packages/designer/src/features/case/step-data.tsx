import { usePeople } from '../../api/people';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { FieldValues } from './field-values';
import type { LoadedCase } from './load-case';

/**
 * Each completed step's form with its fields. The values are the case's as they stand now (the
 * API keeps only a digest of what each step submitted), which the heading says.
 */
export function StepData({ loaded }: { loaded: LoadedCase }) {
  const { t, locale } = useI18n();
  const done = loaded.history.entries.filter((e) => e.action === 'complete' && e.taskId);
  const person = usePeople(done.map((e) => e.actor));
  const seen = new Set<string>();
  return (
    <>
      {done.map((entry) => {
        const task = loaded.tasks.get(entry.taskId!);
        if (!task?.form || seen.has(task.id)) return null;
        seen.add(task.id);
        const labels = loaded.definition?.forms[task.form.key]?.labels;
        return (
          <details key={task.id}>
            <summary>
              {t('case.dataAt', { step: pick(task.title, locale, task.stateId) })} ·{' '}
              {person(entry.actor, locale)}
            </summary>
            <FieldValues form={task.form} labels={labels} data={loaded.caseView.data} />
          </details>
        );
      })}
    </>
  );
}

import { useI18n } from '../../i18n/i18n-context';
import { ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { loadTask } from './load-task';
import { TaskWorkspace } from './task-workspace';

/** A task: its case summary first, the form, the decision bar and the allowed operations. */
export function TaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useAsync(() => loadTask(id), id);
  if (loaded.error !== undefined)
    return (
      <div className="page">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  if (!loaded.data)
    return (
      <div className="page">
        <Loading label={t('state.loading')} />
      </div>
    );
  return <TaskWorkspace loaded={loaded.data} reload={loaded.reload} refreshing={loaded.loading} />;
}

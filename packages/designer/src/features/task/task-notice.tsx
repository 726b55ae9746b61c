import type { TaskView } from '@flowform/api';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n-context';
import { Banner } from '../../ui/status-views';
import { SuspendedFlag, SuspensionNotice } from '../lifecycle/suspension-notice';

/** Why I cannot decide this task now (closed, someone else's, separation of duties), or a claim button. */
export function TaskNotice({
  task,
  onClaimed,
  onError,
}: {
  task: TaskView;
  onClaimed: () => void;
  onError: (e: unknown) => void;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const ops = task.operations;
  if (task.status !== 'open') return <Banner kind="info">{t('task.closed')}</Banner>;
  if (task.suspension)
    return (
      <Banner kind="info">
        <SuspendedFlag /> <SuspensionNotice suspension={task.suspension} />
      </Banner>
    );
  if (task.separation) return <Banner kind="info">{task.separation[locale]}</Banner>;
  if (!ops.includes('complete')) return <Banner kind="info">{t('task.notMine')}</Banner>;
  if (ops.includes('claim'))
    return (
      <Banner kind="info">
        {t('task.claimFirst')}{' '}
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            api
              .taskCommand(task.id, 'claim')
              .then(onClaimed, onError)
              .finally(() => setBusy(false));
          }}
        >
          {t('task.op.claim')}
        </button>
      </Banner>
    );
  return null;
}

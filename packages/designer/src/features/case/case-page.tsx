import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useLiveEvents } from '../../state/live-context';
import { ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { CaseView } from './case-view';
import { loadCase } from './load-case';

/** A case: summary, diagram, open tasks, timeline, related cases, form data per step. */
export function CasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useAsync(() => loadCase(id), id);
  const [live, setLive] = useState(0);
  useLiveEvents((e) => {
    if (e.instanceId === id && (e.type === 'case.changed' || e.type === 'task.done')) {
      setLive((n) => n + 1);
      loaded.reload();
    }
  });
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
  return <CaseView loaded={loaded.data} reload={loaded.reload} updates={live} />;
}

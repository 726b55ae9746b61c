import type { TaskOrigin } from '@flowform/api';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';

const LABELS: Record<TaskOrigin['kind'], MessageKey> = {
  returned: 'origin.returned',
  delegated: 'origin.delegated',
  addedSigner: 'origin.addedSigner',
};

/** 被退回 / 委派给我 / 加签 as a flag. */
export function OriginFlag({ origin }: { origin: TaskOrigin }) {
  const { t } = useI18n();
  return (
    <span className={`flag flag-origin flag-${origin.kind}`}>
      <span aria-hidden="true">{origin.kind === 'returned' ? '↩ ' : '→ '}</span>
      {t(LABELS[origin.kind])}
    </span>
  );
}

/** `张书记退回：请补充低保证明`: who sent the task here and why, in one line. */
export function OriginNote({ origin, className }: { origin: TaskOrigin; className?: string }) {
  const { t, locale } = useI18n();
  const by = pick(origin.by.name, locale, origin.by.username);
  const key: MessageKey = origin.reason ? `origin.${origin.kind}.because` : `origin.${origin.kind}.by`;
  return (
    <span className={className ?? 'origin-note'} data-origin={origin.kind}>
      {t(key, { by, reason: origin.reason ?? '' })}
    </span>
  );
}

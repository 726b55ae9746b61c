import type { AdminCaseItem } from '@flowform/api';
import { usePeople } from '../../api/people';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useLifecycleText } from './lifecycle-messages';

/** The 已挂起 flag (icon and word, not colour alone). */
export function SuspendedFlag() {
  const text = useLifecycleText();
  return (
    <span className="flag flag-suspended">
      <span aria-hidden="true">‖ </span>
      {text('badge')}
    </span>
  );
}

/** Who suspended the case, when, and why: under the case's facts. */
export function SuspensionNotice({ suspension }: { suspension: NonNullable<AdminCaseItem['suspension']> }) {
  const { locale } = useI18n();
  const text = useLifecycleText();
  const person = usePeople([suspension.by]);
  return (
    <p className="suspension-note" role="status">
      {text('heldBy', {
        by: person(suspension.by, locale),
        date: formatDateTime(locale, suspension.at),
        reason: suspension.reason,
      })}
    </p>
  );
}

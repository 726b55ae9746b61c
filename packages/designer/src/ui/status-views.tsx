import type { ReactNode } from 'react';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n-context';

/** A spinner with text, announced politely. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

/** An empty list or screen. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="status status-empty">
      <span aria-hidden="true" className="status-icon">
        ○
      </span>
      {children}
    </div>
  );
}

/** The user-facing sentence for a failed request. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('state.offline');
      if (error.status === 404) return t('state.notFound');
      if (error.status === 403) return error.detail ?? t('error.forbidden');
      return t('error.generic', { detail: error.detail ?? error.title });
    }
    return t('error.generic', { detail: error instanceof Error ? error.message : String(error) });
  };
}

/** A failed load with a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText()(error);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="status status-error" role="alert">
      <span aria-hidden="true" className="status-icon">
        !
      </span>
      <p>{notFound ? t('state.notFound') : text}</p>
      {onRetry && !notFound && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** A banner for the outcome of an action: info, success or error (icon + text, not colour alone). */
export function Banner({ kind, children }: { kind: 'info' | 'success' | 'error'; children: ReactNode }) {
  const icon = kind === 'error' ? '!' : kind === 'success' ? '✓' : 'i';
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <span className="banner-icon" aria-hidden="true">
        {icon}
      </span>
      <div>{children}</div>
    </div>
  );
}

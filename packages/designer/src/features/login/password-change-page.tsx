import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../state/session';
import { LanguageSwitch } from '../../ui/language-switch';
import { Banner } from '../../ui/status-views';

/** A one-time password must be changed before anything else (the server refuses the rest meanwhile). */
export function PasswordChangePage() {
  const { t } = useI18n();
  const { passwordChanged, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== confirm) {
      setErrors([t('password.mismatch')]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      await api.changePassword(current, next);
      passwordChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 429)
        setErrors([t('login.throttled', { seconds: e.retryAfter ?? 60 })]);
      else if (e instanceof ApiError && e.errors.length > 0) setErrors(e.errors.map((x) => x.message));
      else setErrors([t('password.failed')]);
      setBusy(false);
    }
  }

  const field = (name: string, label: string, value: string, set: (v: string) => void, auto: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        name={name}
        type="password"
        autoComplete={auto}
        required
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-top">
          <h1>{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        <form onSubmit={submit} noValidate>
          <h2>{t('password.title')}</h2>
          <p className="muted">{t('password.intro')}</p>
          {field('current', t('password.current'), current, setCurrent, 'current-password')}
          {field('next', t('password.next'), next, setNext, 'new-password')}
          {field('confirm', t('password.confirm'), confirm, setConfirm, 'new-password')}
          {errors.length > 0 && (
            <Banner kind="error">
              {errors.map((message) => (
                <div key={message}>{message}</div>
              ))}
            </Banner>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={busy || !current || !next || !confirm}
          >
            {busy ? t('password.submitting') : t('password.submit')}
          </button>
          <button type="button" className="btn btn-block" onClick={() => void signOut()}>
            {t('user.logout')}
          </button>
        </form>
      </div>
    </main>
  );
}

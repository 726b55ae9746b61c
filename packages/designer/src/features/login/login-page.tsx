import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../state/session';
import { LanguageSwitch } from '../../ui/language-switch';
import { Banner } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';

const OIDC_REFUSALS = [
  'oidc-unavailable',
  'oidc-state-mismatch',
  'oidc-failed',
  'oidc-unknown-user',
  'oidc-user-disabled',
] as const;

/** Why the organisation's sign-in sent the browser back here (`?signin-error=CODE`), in words. */
function signInError(t: ReturnType<typeof useI18n>['t']): string | undefined {
  const code = new URLSearchParams(window.location.search).get('signin-error');
  const known = OIDC_REFUSALS.find((c) => c === code);
  return known ? t(`login.error.${known}`) : undefined;
}

/** Sign in (password, or the organisation's OpenID Connect provider when configured); in demo mode the server's demo accounts are listed for one-tap sign-in. */
export function LoginPage({ expired }: { expired?: boolean }) {
  const { t, locale } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const demo = useAsync(() => api.demo().catch(() => undefined), 'demo');
  const options = useAsync(() => api.signInOptions().catch(() => undefined), 'sign-in-options');
  const refused = signInError(t);

  async function submit(event?: FormEvent, as?: { username: string; password: string }) {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(as?.username ?? username, as?.password ?? password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429)
        setError(t('login.throttled', { seconds: e.retryAfter ?? 60 }));
      else if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setError(t('login.failed'));
      else setError(e instanceof ApiError && e.status === 0 ? t('state.offline') : t('login.failed'));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-top">
          <h1>{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('login.intro')}</p>
        {expired && <Banner kind="info">{t('error.session')}</Banner>}
        {refused && <Banner kind="error">{refused}</Banner>}
        <form onSubmit={submit} noValidate>
          <h2>{t('login.title')}</h2>
          <label className="field">
            <span className="field-label">{t('login.username')}</span>
            <input
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && <Banner kind="error">{error}</Banner>}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={busy || !username || !password}
          >
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        {options.data?.oidc && (
          <div className="login-oidc">
            <p className="muted login-or">{t('login.or')}</p>
            <a className="btn btn-block" href={api.oidcStartUrl()}>
              {t('login.oidc')}
            </a>
          </div>
        )}
        {demo.data?.demo && demo.data.accounts.length > 0 && (
          <section className="demo" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('login.demo')}</h2>
            <ul className="demo-list">
              {demo.data.accounts.map((a) => {
                const name = pick(a.displayName, locale, a.username);
                const role = a.roles?.[0];
                return (
                  <li key={a.username}>
                    <button
                      type="button"
                      className="demo-account"
                      aria-label={t('login.demoUse', { name: `${name} (${a.username})` })}
                      disabled={busy}
                      onClick={() => submit(undefined, { username: a.username, password: 'flowform' })}
                    >
                      <strong>{name}</strong>
                      <span className="muted">
                        {a.username}
                        {role ? ` · ${pick(role.roleName, locale)} · ${pick(role.unitName, locale)}` : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}

import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../../../components/language-switch';
import type { MessageKey } from '../../../lib/i18n/messages-en';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useLogin } from '../api/login';

const FAILURES: Record<string, MessageKey> = {
  'bad-credentials': 'login.badCredentials',
  throttled: 'login.throttled',
  unreachable: 'login.unreachable',
  expired: 'login.expired',
  disabled: 'login.disabled',
};

/** Sign-in form; `reason` explains why an earlier session ended. */
export function LoginPage({ reason }: { reason?: string }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const failure = login.data ?? (login.isIdle ? reason : undefined);
  const failureKey = failure ? FAILURES[failure] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login__top">
          <h1 id="login-title" className="login__title">
            {t('app.title')}
          </h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('login.intro')}</p>
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {failure ? (
          <p role="alert" className="login__error">
            {failureKey ? t(failureKey) : t('login.failed', { reason: failure })}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}

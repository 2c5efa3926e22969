import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../components/language-switch';
import { signOut } from '../../../lib/auth/session';
import type { SessionUser } from '../../../lib/auth/session-schema';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import './tech.css';

/** The phone's chrome: one slim bar (jobs, language, sign out) instead of the dashboard's header. */
export function TechLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="tech-layout">
      <header className="tech-layout__header">
        <a className="tech-touch" href={href.tech()}>
          {t('nav.tech')}
        </a>
        <LanguageSwitch />
        <button type="button" className="button button--ghost tech-touch" onClick={() => void signOut()}>
          {t('app.logout')} ({user.username})
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

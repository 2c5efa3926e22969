import type { ReactNode } from 'react';
import { CatchingUpBanner } from '../components/catching-up-banner';
import { LanguageSwitch } from '../components/language-switch';
import { LiveIndicator } from '../components/live-indicator';
import { AlertsBell } from '../features/alerts/components/alerts-bell';
import { InboxButton } from '../features/inbox/components/inbox-button';
import { can } from '../lib/auth/permissions';
import { signOut } from '../lib/auth/session';
import type { SessionUser } from '../lib/auth/session-schema';
import { useI18n } from '../lib/i18n/i18n-provider';
import type { MessageKey } from '../lib/i18n/messages-en';
import { href, type Route } from '../lib/router/routes';

interface NavItem {
  to: string;
  label: MessageKey;
  active: (route: Route) => boolean;
}

function navItems(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { to: href.overview(), label: 'nav.overview', active: (r) => r.name === 'overview' },
    { to: href.map(), label: 'nav.map', active: (r) => r.name === 'map' },
    { to: href.atRisk(), label: 'nav.atRisk', active: (r) => r.name === 'at-risk' || r.name === 'terminal' },
    { to: href.alerts(), label: 'nav.alerts', active: (r) => r.name === 'alerts' || r.name === 'alert' },
  ];
  if (user.role === 'technician') {
    items.unshift({
      to: href.tech(),
      label: 'nav.tech',
      active: (r) => r.name === 'tech' || r.name === 'tech-job',
    });
  }
  if (can(user.role, 'dispatch')) {
    items.push({ to: href.dispatch(), label: 'nav.dispatch', active: (r) => r.name === 'dispatch' });
  }
  if (can(user.role, 'viewIncidents')) {
    items.push({
      to: href.incidents(),
      label: 'nav.incidents',
      active: (r) => r.name === 'incidents' || r.name === 'incident',
    });
  }
  if (can(user.role, 'viewReports')) {
    items.push({ to: href.reports(), label: 'nav.reports', active: (r) => r.name === 'reports' });
  }
  if (can(user.role, 'viewAlertRules')) {
    items.push({ to: href.alertRules(), label: 'nav.alertRules', active: (r) => r.name === 'alert-rules' });
  }
  if (can(user.role, 'manageMuting')) {
    items.push(
      { to: href.silences(), label: 'nav.silences', active: (r) => r.name === 'silences' },
      { to: href.maintenance(), label: 'nav.maintenance', active: (r) => r.name === 'maintenance' },
    );
  }
  if (can(user.role, 'manageUsers')) {
    items.push({ to: href.users(), label: 'nav.users', active: (r) => r.name === 'users' });
  }
  items.push({
    to: href.notificationSettings(),
    label: 'nav.notificationSettings',
    active: (r) => r.name === 'notification-settings',
  });
  return items;
}

export function Layout({ user, route, children }: { user: SessionUser; route: Route; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="layout__header">
        <span className="layout__title">{t('app.title')}</span>
        <nav aria-label={t('app.nav')} className="layout__nav">
          {navItems(user).map((item) => (
            <a key={item.to} href={item.to} aria-current={item.active(route) ? 'page' : undefined}>
              {t(item.label)}
            </a>
          ))}
        </nav>
        <div className="layout__tools">
          <AlertsBell />
          <InboxButton />
          <LiveIndicator />
          <LanguageSwitch />
          <span className="layout__user">
            {user.username} · {t(`role.${user.role}`)}
          </span>
          <button type="button" className="button button--ghost" onClick={() => void signOut()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main id="main" className="layout__main" tabIndex={-1}>
        <CatchingUpBanner />
        {children}
      </main>
    </div>
  );
}

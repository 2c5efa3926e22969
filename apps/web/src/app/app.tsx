import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { StatusPanel } from '../components/status-panel';
import { LoginPage } from '../features/auth/components/login-page';
import { TechLayout } from '../features/tech/components/tech-layout';
import { getSession, refreshSession } from '../lib/auth/session';
import { useSession } from '../lib/auth/use-session';
import { useI18n } from '../lib/i18n/i18n-provider';
import { useRoute } from '../lib/router/use-route';
import { Layout } from './layout';
import { LiveSync } from './live-sync';
import { isPhoneRoute, Page } from './pages';
import { API_CACHE } from '../lib/offline/api-cache';
import { AppProvider } from './provider';

function Shell() {
  const { t } = useI18n();
  const session = useSession();
  const route = useRoute();
  const client = useQueryClient();

  useEffect(() => {
    // A remembered refresh token signs back in after a reload.
    if (getSession().status === 'restoring') void refreshSession();
  }, []);
  useEffect(() => {
    // The next user must never see the last one's cached data.
    if (session.status !== 'signed-out') return;
    client.clear();
    // Jobs the service worker kept for offline use belong to the user who left.
    void globalThis.caches?.delete(API_CACHE).catch(() => undefined);
  }, [session.status, client]);

  if (session.status === 'restoring') return <StatusPanel tone="loading" title={t('app.restoring')} />;
  if (session.status === 'signed-out') return <LoginPage reason={session.reason} />;
  if (isPhoneRoute(route, session.user.role)) {
    return (
      <TechLayout user={session.user}>
        <LiveSync />
        <Page route={route} user={session.user} />
      </TechLayout>
    );
  }
  return (
    <Layout user={session.user} route={route}>
      <LiveSync />
      <Page route={route} user={session.user} />
    </Layout>
  );
}

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}

import { usePrefetchQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { fleetMapQueryOptions } from '../api/get-fleet-map';
import { StatusPanel } from '../components/status-panel';
import { AlertRulesPage } from '../features/alert-rules/components/alert-rules-page';
import { AlertsPage } from '../features/alerts/components/alerts-page';
import { AtRiskPage } from '../features/at-risk/components/at-risk-page';
import { FleetOverview } from '../features/fleet/components/fleet-overview';
import { IncidentsPage } from '../features/incidents/components/incidents-page';
import { MaintenancePage } from '../features/muting/components/maintenance-page';
import { SilencesPage } from '../features/muting/components/silences-page';
import { NotificationSettingsPage } from '../features/notification-settings/components/notification-settings-page';
import { UsersPage } from '../features/users/components/users-page';
import { TechPage } from '../features/tech/components/tech-page';
import { can } from '../lib/auth/permissions';
import type { SessionUser } from '../lib/auth/session-schema';
import { useI18n } from '../lib/i18n/i18n-provider';
import { href, type Route } from '../lib/router/routes';
import type { Role } from '../lib/auth/session-schema';

// Leaflet and recharts load with the pages that draw them, keeping the first load small.
const MapPage = lazy(() =>
  import('../features/map/components/map-page').then((m) => ({ default: m.MapPage })),
);
const TerminalPage = lazy(() =>
  import('../features/terminal/components/terminal-page').then((m) => ({ default: m.TerminalPage })),
);
const DispatchBoard = lazy(() =>
  import('../features/dispatch/components/dispatch-board').then((m) => ({ default: m.DispatchBoard })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/components/reports-page').then((m) => ({ default: m.ReportsPage })),
);
const IncidentPage = lazy(() =>
  import('../features/incidents/components/incident-page').then((m) => ({ default: m.IncidentPage })),
);

/** The technician's phone view: their jobs, shown by default after sign-in. */
export function isPhoneRoute(route: Route, role: Role): boolean {
  return (
    route.name === 'tech' || route.name === 'tech-job' || (route.name === 'overview' && role === 'technician')
  );
}

/** The page for a route, inside a loading state while its code arrives. */
export function Page({ route, user }: { route: Route; user: SessionUser }) {
  const { t } = useI18n();
  return (
    <>
      {route.name === 'map' ? <PrefetchFleetMap /> : null}
      <Suspense fallback={<StatusPanel tone="loading" title={t('app.loadingPage')} />}>
        <RoutePage route={route} user={user} />
      </Suspense>
    </>
  );
}

/** The map's points start downloading with the map page's code, not after it. */
function PrefetchFleetMap() {
  usePrefetchQuery(fleetMapQueryOptions());
  return null;
}

function RoutePage({ route, user }: { route: Route; user: SessionUser }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'overview':
      if (user.role === 'technician') return <TechPage user={user} />;
      return <FleetOverview role={user.role} />;
    case 'tech':
      return <TechPage user={user} />;
    case 'tech-job':
      return <TechPage key={route.workOrderId} user={user} workOrderId={route.workOrderId} />;
    case 'dispatch':
      if (!can(user.role, 'dispatch')) return <StatusPanel tone="empty" title={t('app.notAllowed')} />;
      return <DispatchBoard />;
    case 'map':
      return <MapPage role={user.role} />;
    case 'at-risk':
      return <AtRiskPage role={user.role} />;
    case 'terminal':
      return <TerminalPage key={route.terminalId} terminalId={route.terminalId} role={user.role} />;
    case 'incidents':
    case 'incident':
      if (!can(user.role, 'viewIncidents')) return <StatusPanel tone="empty" title={t('app.notAllowed')} />;
      return route.name === 'incidents' ? (
        <IncidentsPage />
      ) : (
        <IncidentPage key={route.incidentId} incidentId={route.incidentId} />
      );
    case 'alerts':
    case 'alert':
      // One element for both routes, so filters and ticks survive opening and closing the drawer.
      return <AlertsPage role={user.role} openAlertId={route.name === 'alert' ? route.alertId : undefined} />;
    case 'silences':
    case 'maintenance':
      if (!can(user.role, 'manageMuting')) return <StatusPanel tone="empty" title={t('app.notAllowed')} />;
      return route.name === 'silences' ? <SilencesPage prefill={route.prefill} /> : <MaintenancePage />;
    case 'reports':
      if (!can(user.role, 'viewReports')) return <StatusPanel tone="empty" title={t('app.notAllowed')} />;
      return <ReportsPage />;
    case 'notification-settings':
      return <NotificationSettingsPage />;
    case 'alert-rules':
      if (!can(user.role, 'viewAlertRules')) return <StatusPanel tone="empty" title={t('app.notAllowed')} />;
      return <AlertRulesPage canManage={can(user.role, 'manageAlertRules')} />;
    case 'users':
      if (!can(user.role, 'manageUsers')) return <StatusPanel tone="empty" title={t('app.notAllowed')} />;
      return <UsersPage currentUsername={user.username} />;
    case 'not-found':
      return (
        <StatusPanel tone="empty" title={t('app.notFound', { path: route.path })}>
          <a href={href.overview()}>{t('common.backToOverview')}</a>
        </StatusPanel>
      );
  }
}

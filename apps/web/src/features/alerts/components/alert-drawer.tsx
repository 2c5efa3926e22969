import { StatusPanel } from '../../../components/status-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { useAlert } from '../api/get-alert';
import { AcknowledgeForm } from './acknowledge-form';
import { AlertNotifications } from './alert-notifications';
import { AlertPlace } from './alert-place';
import { AlertTimeline } from './alert-timeline';
import { AssignControl } from './assign-control';
import { ResolveForm } from './resolve-form';
import { SeverityBadge } from './severity-badge';

interface AlertDrawerProps {
  alertId: string;
  linkIncident: boolean;
  canListUsers: boolean;
  myId: string | undefined;
  assigneeName: (userId: string) => string;
  /** Admin and support make silences. */
  canSilence: boolean;
}

/** One alert beside the list: what it is, what to do, its timeline and the actions its state allows. */
export function AlertDrawer({
  alertId,
  linkIncident,
  canListUsers,
  myId,
  assigneeName,
  canSilence,
}: AlertDrawerProps) {
  const { t, locale } = useI18n();
  const detail = useAlert(alertId);
  const alert = detail.data;
  return (
    <aside className="alert-drawer" role="dialog" aria-label={t('alerts.detail')}>
      <header className="alert-drawer__header">
        <h2 className="panel__title">{alert ? t(`cause.${alert.code}`) : t('alerts.detail')}</h2>
        <a className="alert-drawer__close" href={href.alerts()} aria-label={t('alerts.close')}>
          ✕
        </a>
      </header>
      {detail.isPending ? (
        <StatusPanel tone="loading" title={t('alerts.loadingOne')} />
      ) : detail.isError ? (
        <StatusPanel tone="error" title={t('alerts.failedOne')}>
          <p>{detail.error.message}</p>
        </StatusPanel>
      ) : alert ? (
        <>
          <dl className="alert-facts">
            <dt>{t('alerts.severity')}</dt>
            <dd>
              <SeverityBadge severity={alert.severity} />
            </dd>
            <dt>{t('alerts.state')}</dt>
            <dd>{t(`alerts.state.${alert.state}`)}</dd>
            <dt>{t('alerts.place')}</dt>
            <dd>
              <AlertPlace alert={alert} linkIncident={linkIncident} />
              {alert.region ? ` · ${alert.region}` : null}
            </dd>
            <dt>{t('alerts.opened')}</dt>
            <dd>{formatDateTime(alert.openedAt, locale)}</dd>
            <dt>{t('alerts.occurrences')}</dt>
            <dd>{alert.occurrences}</dd>
            <dt>{t('alerts.assignee')}</dt>
            <dd>{alert.assignee ? assigneeName(alert.assignee) : '—'}</dd>
            <AlertNotifications alert={alert} canSilence={canSilence} />
          </dl>
          <p className="alert-drawer__evidence">{alert.evidence}</p>
          <p>
            <strong>{t('alerts.action')}:</strong> {alert.recommendedAction}
          </p>
          {alert.state !== 'resolved' ? (
            <section className="alert-drawer__actions" aria-label={t('alerts.actions')}>
              {alert.state === 'open' ? <AcknowledgeForm key={`ack-${alert.id}`} alert={alert} /> : null}
              <ResolveForm key={`resolve-${alert.id}`} alert={alert} />
              <AssignControl
                key={`assign-${alert.id}`}
                alert={alert}
                canListUsers={canListUsers}
                myId={myId}
              />
            </section>
          ) : null}
          <h3 className="alert-drawer__subtitle">{t('alerts.timeline')}</h3>
          <AlertTimeline entries={alert.timeline} assigneeName={assigneeName} />
        </>
      ) : null}
    </aside>
  );
}

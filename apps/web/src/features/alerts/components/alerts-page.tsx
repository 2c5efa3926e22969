import { useMemo, useState } from 'react';
import { StatusPanel } from '../../../components/status-panel';
import { can } from '../../../lib/auth/permissions';
import { currentUserId } from '../../../lib/auth/current-user-id';
import type { Role } from '../../../lib/auth/session-schema';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useNow } from '../../../lib/use-now';
import { useAlerts, type AlertStateFilter } from '../api/get-alerts';
import { useAssigneeName } from '../hooks/use-assignee-name';
import { AlertDrawer } from './alert-drawer';
import { acknowledgeable, filterAlerts, NO_FILTER, type AlertFilter } from './alert-filter';
import { AlertFilters } from './alert-filters';
import { AlertsTable } from './alerts-table';
import { BulkAcknowledgeForm } from './bulk-acknowledge-form';

/** Every alert in the caller's scope (the API scopes it), with the drawer of `openAlertId` beside it. */
export function AlertsPage({ role, openAlertId }: { role: Role; openAlertId?: string }) {
  const { t, locale } = useI18n();
  const now = useNow();
  const [state, setState] = useState<AlertStateFilter>('open');
  const [filter, setFilter] = useState<AlertFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | undefined>();
  const alerts = useAlerts(state);
  const shown = useMemo(() => filterAlerts(alerts.data?.items ?? [], filter), [alerts.data, filter]);
  const ticked = acknowledgeable(shown, selected);
  const canListUsers = can(role, 'listUsers');
  const myId = currentUserId();
  const assigneeName = useAssigneeName(canListUsers, myId);
  const linkIncident = can(role, 'viewIncidents');

  const select = (ids: readonly string[], on: boolean) => {
    setNotice(undefined);
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  return (
    <div className={openAlertId ? 'page alerts-page alerts-page--drawer' : 'page alerts-page'}>
      <div className="alerts-page__list">
        <header className="page__header">
          <h1 className="page-title">{t('alerts.title')}</h1>
          {alerts.data ? (
            <span className="panel__meta">
              {t('alerts.shown', {
                shown: formatCount(shown.length, locale),
                total: formatCount(alerts.data.items.length, locale),
              })}
            </span>
          ) : null}
        </header>
        <AlertFilters state={state} onState={setState} filter={filter} onFilter={setFilter} />
        {notice ? (
          <p role="status" className="notice">
            {notice}
          </p>
        ) : null}
        {ticked.length > 0 ? (
          <BulkAcknowledgeForm
            ids={ticked}
            onDone={({ acknowledged, skipped }) => {
              setSelected(new Set());
              setNotice(
                t('alerts.bulkDone', {
                  acknowledged: formatCount(acknowledged.length, locale),
                  skipped: formatCount(skipped.length, locale),
                }),
              );
            }}
          />
        ) : null}
        {alerts.isPending ? (
          <StatusPanel tone="loading" title={t('alerts.loading')} />
        ) : alerts.isError ? (
          <StatusPanel tone="error" title={t('alerts.failed')}>
            <p>{alerts.error.message}</p>
          </StatusPanel>
        ) : shown.length === 0 ? (
          <StatusPanel tone="empty" title={t('alerts.empty')} />
        ) : (
          <AlertsTable
            alerts={shown}
            selected={selected}
            onSelect={select}
            openId={openAlertId}
            linkIncident={linkIncident}
            assigneeName={assigneeName}
            now={now}
          />
        )}
      </div>
      {openAlertId ? (
        <AlertDrawer
          key={openAlertId}
          alertId={openAlertId}
          linkIncident={linkIncident}
          canListUsers={canListUsers}
          myId={myId}
          assigneeName={assigneeName}
          canSilence={can(role, 'manageMuting')}
        />
      ) : null}
    </div>
  );
}

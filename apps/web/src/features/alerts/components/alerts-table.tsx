import type { AlertView } from '@fleet/telemetry/api/alerts';
import { formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { AlertPlace } from './alert-place';
import { MutingBadge } from './muting-badge';
import { SeverityBadge } from './severity-badge';

interface AlertsTableProps {
  alerts: readonly AlertView[];
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
  openId?: string;
  linkIncident: boolean;
  assigneeName: (userId: string) => string;
  now: number;
}

/** The shown alerts, newest first; only open ones can be ticked (acknowledge is for open alerts). */
export function AlertsTable({
  alerts,
  selected,
  onSelect,
  openId,
  linkIncident,
  assigneeName,
  now,
}: AlertsTableProps) {
  const { t, locale } = useI18n();
  const openIds = alerts.filter((a) => a.state === 'open').map((a) => a.id);
  const allTicked = openIds.length > 0 && openIds.every((id) => selected.has(id));
  return (
    <div className="table-scroll">
      <table className="table alerts-table" aria-label={t('alerts.title')}>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={t('alerts.selectAllShown')}
                checked={allTicked}
                disabled={openIds.length === 0}
                onChange={(e) => onSelect(openIds, e.target.checked)}
              />
            </th>
            <th scope="col">{t('alerts.severity')}</th>
            <th scope="col">{t('alerts.cause')}</th>
            <th scope="col">{t('alerts.place')}</th>
            <th scope="col">{t('alerts.raised')}</th>
            <th scope="col">{t('alerts.state')}</th>
            <th scope="col">{t('alerts.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => (
            <tr
              key={alert.id}
              data-alert-id={alert.id}
              aria-selected={alert.id === openId}
              className={`alerts-table__row--${alert.severity}`}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={t('alerts.select', {
                    code: t(`cause.${alert.code}`),
                    place: alert.terminalId ?? '',
                  })}
                  checked={alert.state === 'open' && selected.has(alert.id)}
                  disabled={alert.state !== 'open'}
                  onChange={(e) => onSelect([alert.id], e.target.checked)}
                />
              </td>
              <td>
                <SeverityBadge severity={alert.severity} />
              </td>
              <td>
                <a href={href.alert(alert.id)}>{t(`cause.${alert.code}`)}</a>
                {alert.occurrences > 1 ? <span className="muted"> ×{alert.occurrences}</span> : null}
              </td>
              <td>
                <AlertPlace alert={alert} linkIncident={linkIncident} />
              </td>
              <td title={alert.lastRaisedAt}>{formatTimeAgo(alert.lastRaisedAt, now, locale)}</td>
              <td>
                <span className={`badge alert-state--${alert.state}`}>
                  {t(`alerts.state.${alert.state}`)}
                </span>{' '}
                <MutingBadge alert={alert} />
              </td>
              <td>{alert.assignee ? assigneeName(alert.assignee) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { FleetSummaryView } from '@fleet/telemetry/api/fleet';
import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { StatusPanel } from '../../../components/status-panel';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** Terminals at risk per cause, largest first, as bars an agent can read at a glance. */
export function RiskByCause({ byCause }: { byCause: FleetSummaryView['atRiskByCause'] }) {
  const { t, locale } = useI18n();
  const rows = CAUSE_CODES.map((code) => ({ code, count: byCause[code] ?? 0 }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
  const largest = rows[0]?.count ?? 0;
  return (
    <section className="panel" aria-label={t('fleet.byCause')}>
      <header className="panel__header">
        <h2 className="panel__title">{t('fleet.byCause')}</h2>
      </header>
      {rows.length === 0 ? (
        <StatusPanel tone="empty" title={t('fleet.byCauseEmpty')} />
      ) : (
        <ul className="cause-bars">
          {rows.map((row) => (
            <li key={row.code} className="cause-bars__row">
              <span className="cause-bars__label">{t(`cause.${row.code}`)}</span>
              <span className="cause-bars__track" aria-hidden="true">
                <span className="cause-bars__fill" style={{ width: `${(100 * row.count) / largest}%` }} />
              </span>
              <span className="cause-bars__count">{formatCount(row.count, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { FleetSummaryView } from '@fleet/telemetry/api/fleet';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useHealth } from '../api/get-health';

/** Ingest pipeline counters (live from the summary) and, for staff, where data is stored. */
export function IngestPanel({
  ingest,
  showPlatform,
}: {
  ingest: FleetSummaryView['ingest'];
  showPlatform: boolean;
}) {
  const { t, locale } = useI18n();
  const counters: Array<[string, number]> = [
    [t('ingest.received'), ingest.received],
    [t('ingest.stored'), ingest.stored],
    [t('ingest.rejected'), ingest.rejected],
    [t('ingest.awaiting'), ingest.bufferDepth],
  ];
  return (
    <section className="panel" aria-label={t('ingest.title')}>
      <header className="panel__header">
        <h2 className="panel__title">{t('ingest.title')}</h2>
        {showPlatform ? <PlatformBadge /> : null}
      </header>
      <dl className="counter-row">
        {counters.map(([label, value]) => (
          <div key={label} className="counter">
            <dt>{label}</dt>
            <dd>{formatCount(value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function PlatformBadge() {
  const { t } = useI18n();
  const health = useHealth();
  if (health.isPending) return <span className="panel__meta">{t('ingest.checking')}</span>;
  if (health.isError)
    return (
      <span className="badge badge--bad">{t('ingest.healthFailed', { reason: health.error.message })}</span>
    );
  const { status, database } = health.data;
  return (
    <>
      <span className={`badge ${status === 'ok' ? 'badge--good' : 'badge--bad'}`}>API {status}</span>
      <span className="panel__meta">
        {t('ingest.database', { driver: database.driver, mode: database.mode })}
      </span>
    </>
  );
}

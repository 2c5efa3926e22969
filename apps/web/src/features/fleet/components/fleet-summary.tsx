import type { FleetSummaryView } from '@fleet/telemetry/api/fleet';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { formatCount, formatShare } from '../../../lib/format';
import { href } from '../../../lib/router/routes';
import { StatCard } from './stat-card';

/** Headline numbers of the whole fleet (within the caller's scope). */
export function FleetSummary({ summary }: { summary: FleetSummaryView }) {
  const { t, locale } = useI18n();
  const reporting = summary.online + summary.offline;
  return (
    <div className="stat-grid">
      <StatCard
        label={t('fleet.total')}
        value={formatCount(summary.total, locale)}
        detail={t('fleet.totalDetail')}
      />
      <StatCard
        label={t('fleet.online')}
        value={formatShare(summary.online, reporting, locale)}
        detail={t('fleet.onlineDetail', {
          online: formatCount(summary.online, locale),
          reporting: formatCount(reporting, locale),
        })}
        tone={reporting > 0 && summary.online === reporting ? 'good' : 'neutral'}
      />
      <StatCard
        label={t('fleet.atRisk')}
        value={formatCount(summary.atRisk, locale)}
        detail={t('fleet.atRiskDetail')}
        tone={summary.atRisk > 0 ? 'warn' : 'good'}
        link={href.atRisk()}
      />
      <StatCard
        label={t('fleet.openIncidents')}
        value={formatCount(summary.openIncidents, locale)}
        detail={t('fleet.openIncidentsDetail')}
        tone={summary.openIncidents > 0 ? 'warn' : 'good'}
        link={href.incidents()}
      />
      <StatCard
        label={t('fleet.unregistered')}
        value={formatCount(summary.unregistered, locale)}
        detail={t('fleet.unregisteredDetail')}
        tone={summary.unregistered > 0 ? 'warn' : 'neutral'}
      />
    </div>
  );
}

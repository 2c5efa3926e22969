import { StatusPanel } from '../../../components/status-panel';
import { can } from '../../../lib/auth/permissions';
import type { Role } from '../../../lib/auth/session-schema';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useFleetSummary } from '../api/get-fleet-summary';
import { FleetSummary } from './fleet-summary';
import { IngestPanel } from './ingest-panel';
import { RiskByCause } from './risk-by-cause';
import { TerminalsPanel } from './terminals-panel';

/** The landing page: headline numbers, risk by cause, ingest health and a terminal list. */
export function FleetOverview({ role }: { role: Role }) {
  const { t } = useI18n();
  const summary = useFleetSummary();

  return (
    <div className="overview">
      <h1 className="page-title">{t('nav.overview')}</h1>
      {summary.data ? (
        <>
          <FleetSummary summary={summary.data} />
          <div className="overview__row">
            <RiskByCause byCause={summary.data.atRiskByCause} />
            <IngestPanel ingest={summary.data.ingest} showPlatform={can(role, 'viewPlatformHealth')} />
          </div>
        </>
      ) : summary.error ? (
        <StatusPanel tone="error" title={t('fleet.failed')}>
          <p>{summary.error.message}</p>
        </StatusPanel>
      ) : (
        <StatusPanel tone="loading" title={t('fleet.loading')} />
      )}
      <TerminalsPanel />
    </div>
  );
}

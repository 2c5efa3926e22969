import type { AlertView } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';

/** Where an alert is: its terminal's page, or its incident (linked for roles that see incidents). */
export function AlertPlace({ alert, linkIncident }: { alert: AlertView; linkIncident: boolean }) {
  const { t } = useI18n();
  if (alert.terminalId) return <a href={href.terminal(alert.terminalId)}>{alert.terminalId}</a>;
  const label = [t('alerts.incident'), alert.mccMnc, alert.region].filter(Boolean).join(' · ');
  if (alert.incidentId && linkIncident) return <a href={href.incident(alert.incidentId)}>{label}</a>;
  return <span>{label}</span>;
}

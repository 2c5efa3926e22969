import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** Severity as colour and as a word, so it reads without colour too. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useI18n();
  return <span className={`severity severity--${severity}`}>{t(`alerts.severity.${severity}`)}</span>;
}

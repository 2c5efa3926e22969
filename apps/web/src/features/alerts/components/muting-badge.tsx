import type { AlertView } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** "silenced" or "in maintenance" beside an alert its notifications are held back for. */
export function MutingBadge({ alert }: { alert: AlertView }) {
  const { t } = useI18n();
  if (!alert.silenced) return null;
  const inWindow = alert.silenceId === undefined && alert.maintenanceWindowId !== undefined;
  return (
    <span className="badge badge--muted alert-muting" data-testid="alert-muting">
      {inWindow ? t('alerts.inMaintenance') : t('alerts.silenced')}
    </span>
  );
}

import type { AlertDetail } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href, type SilencePrefill } from '../../../lib/router/routes';

/** A terminal's alert: its cause on that terminal; an incident's: its cause in its region and carrier. */
function silencePrefillOf(alert: AlertDetail): SilencePrefill {
  const place = alert.terminalId
    ? { terminalId: alert.terminalId }
    : { region: alert.region, mccMnc: alert.mccMnc };
  return { code: alert.code, ...place, alertId: alert.id };
}

/**
 * Whether the alert's notifications are held back (by a silence, a maintenance window),
 * with the way to either for those who manage them, and "Silence this" when nothing holds it.
 */
export function AlertNotifications({ alert, canSilence }: { alert: AlertDetail; canSilence: boolean }) {
  const { t } = useI18n();
  const held = [
    ...(alert.silenceId ? [{ text: t('alerts.heldBySilence'), to: href.silences() }] : []),
    ...(alert.maintenanceWindowId ? [{ text: t('alerts.heldByWindow'), to: href.maintenance() }] : []),
  ];
  const silenceable = canSilence && alert.state !== 'resolved' && !alert.silenceId;
  return (
    <>
      <dt>{t('alerts.notifications')}</dt>
      <dd data-testid="alert-notifications">
        {held.length === 0
          ? t('alerts.notHeld')
          : held.map((h, i) => (
              <span key={h.to}>
                {i > 0 ? ' · ' : null}
                {canSilence ? <a href={h.to}>{h.text}</a> : h.text}
              </span>
            ))}
        {silenceable ? (
          <>
            {' '}
            <a
              className="button button--secondary alert-drawer__silence"
              href={href.newSilence(silencePrefillOf(alert))}
            >
              {t('alerts.silenceThis')}
            </a>
          </>
        ) : null}
      </dd>
    </>
  );
}

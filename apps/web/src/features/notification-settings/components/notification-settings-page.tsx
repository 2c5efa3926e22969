import { useState } from 'react';
import { ALERT_SEVERITIES, type AlertSeverity } from '@fleet/telemetry/api/alerts';
import {
  USER_NOTIFICATION_CHANNELS,
  type NotificationPreferences,
  type UserNotificationChannel,
} from '@fleet/telemetry/api/notifications';
import { StatusPanel } from '../../../components/status-panel';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notification-preferences';
import { QuietHoursSection } from './quiet-hours-form';

/** Every user's own channels × minimum severity (critical alerts always reach the inbox), and their quiet hours. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const saved = useNotificationPreferences();
  if (saved.isPending) return <StatusPanel tone="loading" title={t('settings.loading')} />;
  if (saved.isError) return <StatusPanel tone="error" title={saved.error.message} />;
  return (
    <div className="page notification-settings-page">
      <PreferencesForm initial={saved.data} />
      <QuietHoursSection />
    </div>
  );
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const save = useSaveNotificationPreferences();
  const change = (
    channel: UserNotificationChannel,
    patch: Partial<NotificationPreferences[UserNotificationChannel]>,
  ) => setDraft((was) => ({ ...was, [channel]: { ...was[channel], ...patch } }));
  return (
    <section className="notification-settings">
      <h1>{t('settings.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft);
        }}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.channel')}</th>
              <th scope="col">{t('settings.enabled')}</th>
              <th scope="col">{t('settings.minSeverity')}</th>
            </tr>
          </thead>
          <tbody>
            {USER_NOTIFICATION_CHANNELS.map((channel) => (
              <tr key={channel}>
                <th scope="row">{t(`settings.channel.${channel}`)}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('settings.enabledFor', { channel: t(`settings.channel.${channel}`) })}
                    checked={draft[channel].enabled}
                    onChange={(event) => change(channel, { enabled: event.target.checked })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('settings.minSeverityFor', { channel: t(`settings.channel.${channel}`) })}
                    value={draft[channel].minSeverity}
                    onChange={(event) =>
                      change(channel, { minSeverity: event.target.value as AlertSeverity })
                    }
                  >
                    {ALERT_SEVERITIES.map((severity) => (
                      <option key={severity} value={severity}>
                        {t(`alerts.severity.${severity}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="notification-settings__note">{t('settings.criticalNote')}</p>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('settings.save')}
        </button>
        {save.isSuccess ? <p role="status">{t('settings.saved')}</p> : null}
        {save.isError ? <p role="alert">{save.error.message}</p> : null}
      </form>
    </section>
  );
}

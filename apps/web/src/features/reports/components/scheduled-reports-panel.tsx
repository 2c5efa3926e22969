import { REPORT_CADENCES } from '@fleet/telemetry/api/report-subscriptions';
import { StatusPanel } from '../../../components/status-panel';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useMyTimeZone } from '../api/my-time-zone';
import { useReportSubscriptions } from '../api/report-subscriptions';
import type { MerchantChoice } from './merchant-filter';
import { SubscriptionForm } from './subscription-form';
import { TimeZoneSelect } from './time-zone-select';

/** Weekly and monthly reports by e-mail, made at 08:00 in the user's time zone. */
export function ScheduledReportsPanel({ choices }: { choices: readonly MerchantChoice[] }) {
  const { t } = useI18n();
  const subscriptions = useReportSubscriptions();
  const zone = useMyTimeZone().data?.timeZone;
  return (
    <section className="panel reports__section reports__scheduled" aria-label={t('reports.scheduled')}>
      <h2 className="panel__title">{t('reports.scheduled')}</h2>
      <p className="field__hint">{t('reports.scheduledIntro')}</p>
      <TimeZoneSelect />
      {subscriptions.isPending ? (
        <StatusPanel tone="loading" title={t('reports.loadingSubscriptions')} />
      ) : subscriptions.isError ? (
        <StatusPanel tone="error" title={subscriptions.error.message} />
      ) : (
        <div className="reports__subscriptions">
          {REPORT_CADENCES.map((cadence) => (
            <SubscriptionForm
              key={cadence}
              cadence={cadence}
              saved={subscriptions.data.items.find((s) => s.cadence === cadence)}
              choices={choices}
              timeZone={zone}
            />
          ))}
        </div>
      )}
    </section>
  );
}

import { CountBadge } from '../../../components/count-badge';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { useAlerts } from '../api/get-alerts';

/** The header's bell: open alerts in the caller's scope, kept live by the socket's `alerts.changed`. */
export function AlertsBell() {
  const { t, locale } = useI18n();
  const open = useAlerts('open');
  const count = open.data?.items.length;
  const label =
    count === undefined ? t('alerts.bell') : t('alerts.bellCount', { n: formatCount(count, locale) });
  return (
    <a className="bell" href={href.alerts()} aria-label={label} title={label}>
      <svg className="bell__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <CountBadge count={count} locale={locale} />
    </a>
  );
}

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
      <span aria-hidden="true">🔔</span>
      {count ? (
        <span className="bell__count" data-count={count}>
          {count > 99 ? '99+' : formatCount(count, locale)}
        </span>
      ) : null}
    </a>
  );
}

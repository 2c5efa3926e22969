import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { SlaText } from './sla-text';

/** One job in the list: the whole card is the tap target that opens it. */
export function JobCard({ order, now }: { order: WorkOrderView; now: number }) {
  const { t } = useI18n();
  return (
    <li>
      <a
        className={`job-card job-card--${order.slaState}`}
        href={href.techJob(order.id)}
        data-testid="job-card"
      >
        <span className="job-card__head">
          <strong>{order.merchantName}</strong>
          <SlaText order={order} now={now} />
        </span>
        <span className="job-card__line">{order.address ?? order.region}</span>
        <span className="job-card__line">
          {t(`cause.${order.code}`)} · {order.terminalId}
        </span>
        <span className={`job-state job-state--${order.state}`}>{t(`wo.state.${order.state}`)}</span>
      </a>
    </li>
  );
}

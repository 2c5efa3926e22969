import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { shownSla } from './sla-left';

/** The SLA part of a job's line: "2 h 05 min left", "30 min overdue", or "SLA met" once closed. */
export function SlaText({ order, now }: { order: WorkOrderView; now: number }) {
  const { t } = useI18n();
  const sla = shownSla(order, now);
  const text = sla.closed
    ? t(`wo.sla.${sla.modifier}`)
    : sla.overdue
      ? t('tech.slaOverdue', { time: sla.span })
      : t('tech.slaLeft', { time: sla.span });
  return <span className={`job-sla job-sla--${sla.modifier}`}>{text}</span>;
}

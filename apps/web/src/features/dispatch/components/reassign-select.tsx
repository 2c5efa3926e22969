import type { TechnicianLoadView as TechnicianLoad } from '@fleet/telemetry/api/work-orders';
import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { useAssignWorkOrder } from '../../../api/assign-work-order';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** Reassigns by select: the order's region's technicians first, each with their load. */
export function ReassignSelect({
  order,
  technicians,
}: {
  order: WorkOrderView;
  technicians: readonly TechnicianLoad[];
}) {
  const { t } = useI18n();
  const assign = useAssignWorkOrder();
  const final = order.state === 'resolved' || order.state === 'cancelled';
  const ranked = [...technicians].sort(
    (a, b) =>
      Number(b.regions.includes(order.region)) - Number(a.regions.includes(order.region)) ||
      a.activeOrders - b.activeOrders,
  );
  return (
    <>
      <select
        aria-label={t('dispatch.assignTo', { terminal: order.terminalId })}
        value={order.assignee ?? ''}
        disabled={final || assign.isPending}
        onChange={(event) => {
          if (event.target.value) assign.mutate({ id: order.id, assignee: event.target.value });
        }}
      >
        <option value="">{t('dispatch.unassigned')}</option>
        {ranked.map((tech) => (
          <option key={tech.id} value={tech.id}>
            {tech.username} · {tech.regions.join(', ')} · {t('dispatch.load', { count: tech.activeOrders })}
          </option>
        ))}
      </select>
      {assign.isError ? (
        <span role="alert" className="dispatch-error">
          {t('dispatch.assignFailed', { message: assign.error.message })}
        </span>
      ) : null}
    </>
  );
}

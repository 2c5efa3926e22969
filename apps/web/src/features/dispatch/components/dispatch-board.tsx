import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { useCallback, useState } from 'react';
import { useTechnicianLoads } from '../../../api/get-technician-loads';
import { useOpenWorkOrders } from '../../../api/get-work-orders';
import { StatusPanel } from '../../../components/status-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { ReassignSelect } from './reassign-select';
import { WorkOrderMap } from './work-order-map';
import './dispatch.css';

/** Support's dispatch board: open orders on the map and in a list, technicians and their loads. */
export function DispatchBoard() {
  const { t, locale } = useI18n();
  const orders = useOpenWorkOrders();
  const technicians = useTechnicianLoads();
  const [selected, setSelected] = useState<string>();
  const items = orders.data?.items ?? [];
  const titleOf = useCallback(
    (order: WorkOrderView) =>
      `${order.terminalId} · ${order.merchantName} · ${t(`wo.sla.${order.slaState}`)}`,
    [t],
  );

  return (
    <div className="dispatch">
      <h1>{t('dispatch.title')}</h1>
      <div className="dispatch__grid">
        <WorkOrderMap orders={items} label={t('dispatch.map')} titleOf={titleOf} onSelect={setSelected} />
        <section aria-labelledby="dispatch-techs" className="dispatch__techs">
          <h2 id="dispatch-techs">{t('dispatch.technicians')}</h2>
          {technicians.data?.items.length === 0 ? <p>{t('dispatch.noTechnicians')}</p> : null}
          <ul>
            {technicians.data?.items.map((tech) => (
              <li key={tech.id} data-testid="technician-load">
                <strong>{tech.username}</strong> · {tech.regions.join(', ')} ·{' '}
                {t('dispatch.load', { count: tech.activeOrders })}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="dispatch-open">
        <h2 id="dispatch-open">{t('dispatch.open')}</h2>
        {orders.isPending ? <StatusPanel tone="loading" title={t('dispatch.loading')} /> : null}
        {orders.isError ? (
          <StatusPanel tone="error" title={t('dispatch.loadFailed')}>
            {orders.error.message}
          </StatusPanel>
        ) : null}
        {orders.data && items.length === 0 ? <StatusPanel tone="empty" title={t('dispatch.empty')} /> : null}
        {items.length > 0 ? (
          <table className="dispatch__table">
            <thead>
              <tr>
                <th>{t('dispatch.col.terminal')}</th>
                <th>{t('dispatch.col.cause')}</th>
                <th>{t('dispatch.col.state')}</th>
                <th>{t('dispatch.col.sla')}</th>
                <th>{t('dispatch.col.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((order) => (
                <tr key={order.id} aria-selected={order.id === selected} data-testid="dispatch-row">
                  <td>
                    {order.terminalId}
                    <br />
                    <small>
                      {order.merchantName} · {order.region}
                    </small>
                  </td>
                  <td>{t(`cause.${order.code}`)}</td>
                  <td>{t(`wo.state.${order.state}`)}</td>
                  <td className={`dispatch-sla dispatch-sla--${order.slaState}`}>
                    {t(`wo.sla.${order.slaState}`)}
                    <br />
                    <small>{formatDateTime(order.slaDueAt, locale)}</small>
                  </td>
                  <td>
                    <ReassignSelect order={order} technicians={technicians.data?.items ?? []} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

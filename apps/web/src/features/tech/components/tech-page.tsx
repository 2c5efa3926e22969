import { useOpenWorkOrders, useWorkOrder } from '../../../api/get-work-orders';
import { StatusPanel } from '../../../components/status-panel';
import { currentUserId } from '../../../lib/auth/current-user-id';
import type { SessionUser } from '../../../lib/auth/session-schema';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { applyPending } from '../../../lib/offline/apply-pending';
import { useNow } from '../../../lib/use-now';
import { useTechSync } from '../hooks/use-tech-sync';
import { JobCard } from './job-card';
import { JobDetail } from './job-detail';
import { OfflineBanner } from './offline-banner';
import { PushToggle } from './push-toggle';
import { shownJob } from './shown-job';
import './tech.css';

/** States in which a job is the technician's to act on. */
const MINE = new Set(['assigned', 'accepted', 'en_route', 'on_site']);

/**
 * The technician's phone: their jobs by SLA time left, or one job. Changes made offline
 * show at once and are sent when the network is back.
 */
export function TechPage({ user, workOrderId }: { user: SessionUser; workOrderId?: string }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  // The token's subject; the username keys the queue only before it is known.
  const userId = currentUserId() ?? user.username;
  const sync = useTechSync(userId);
  const orders = useOpenWorkOrders();

  const jobs = (orders.data?.items ?? [])
    .filter((order) => order.assignee === userId)
    .map((order) => applyPending(order, sync.pending))
    .sort((a, b) => Date.parse(a.slaDueAt) - Date.parse(b.slaDueAt));
  const listed = workOrderId !== undefined && jobs.some((order) => order.id === workOrderId);
  // A job marked fixed leaves the open list: fetched alone, it stays on screen to show its confirmation.
  const fetched = useWorkOrder(workOrderId ?? '', workOrderId !== undefined && orders.isSuccess && !listed);
  const open = shownJob(jobs, fetched.data && applyPending(fetched.data, sync.pending), workOrderId, userId);

  return (
    <div className="tech">
      <OfflineBanner sync={sync} />
      {open ? (
        <JobDetail order={open} now={now} onStep={(to, reason) => sync.record(open.id, to, reason)} />
      ) : (
        <>
          <h1 className="tech__title">{t('tech.title')}</h1>
          <PushToggle />
          {orders.isPending ? <StatusPanel tone="loading" title={t('tech.loading')} /> : null}
          {orders.isError && !orders.data ? (
            <StatusPanel tone="error" title={t('tech.loadFailed')}>
              {orders.error.message}
            </StatusPanel>
          ) : null}
          {orders.data && jobs.filter((job) => MINE.has(job.state)).length === 0 ? (
            <StatusPanel tone="empty" title={t('tech.empty')} />
          ) : null}
          <ul className="job-list">
            {jobs
              .filter((job) => MINE.has(job.state))
              .map((order) => (
                <JobCard key={order.id} order={order} now={now} />
              ))}
          </ul>
        </>
      )}
    </div>
  );
}

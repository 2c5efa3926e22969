import type { FleetMapView, FleetSummaryView } from '@fleet/telemetry/api/fleet';
import type { AtRiskResponse } from '@fleet/telemetry/api/risk';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { fleetMapQueryKey } from '../api/get-fleet-map';
import { storeAlertChange } from '../features/alerts/api/alert-cache';
import { storeWorkOrder } from '../api/work-order-cache';
import { storeUnreadCount } from '../features/inbox/api/mark-inbox-read';
import { atRiskQueryKey } from '../features/at-risk/api/get-at-risk';
import { applyRiskChange } from '../features/at-risk/components/queue-filter';
import { fleetSummaryQueryKey } from '../features/fleet/api/get-fleet-summary';
import { allTerminalsQueryKey } from '../features/fleet/api/get-terminals';
import { isTerminalStateOf } from '../features/terminal/api/get-terminal';
import { refreshSession } from '../lib/auth/session';
import { closeLiveSocket, openLiveSocket } from '../lib/live/live-socket';
import { useLiveEvent } from '../lib/live/use-live-event';
import { patchFleetMap } from './patch-fleet-map';
import { throttledInvalidate } from './throttled-invalidate';

const SUMMARY_REFRESH_MS = 3_000;

/**
 * Holds the socket open while signed in and turns each push into a cache update, so every
 * page changes without a reload. Pushes patch what they carry; counts are refetched, throttled.
 */
export function LiveSync() {
  const client = useQueryClient();
  const refresh = useMemo(
    () => ({
      summary: throttledInvalidate(client, fleetSummaryQueryKey, SUMMARY_REFRESH_MS),
      terminals: throttledInvalidate(client, allTerminalsQueryKey, SUMMARY_REFRESH_MS),
      atRisk: throttledInvalidate(client, atRiskQueryKey, SUMMARY_REFRESH_MS),
    }),
    [client],
  );

  useEffect(() => {
    openLiveSocket();
    return () => {
      refresh.summary.cancel();
      refresh.terminals.cancel();
      refresh.atRisk.cancel();
      closeLiveSocket();
    };
  }, [refresh]);

  useLiveEvent('workOrders.changed', (change) => {
    storeWorkOrder(client, change.workOrder);
    void client.invalidateQueries({ queryKey: ['dispatch', 'technicians'] });
  });

  useLiveEvent('terminals.changed', (changes) => {
    client.setQueryData<FleetMapView>(fleetMapQueryKey, (view) =>
      view ? patchFleetMap(view, changes) : view,
    );
    const changed = new Set(changes.map((change) => change.terminalId));
    void client.invalidateQueries({ predicate: ({ queryKey }) => isTerminalStateOf(changed, queryKey) });
    refresh.summary.trigger();
    refresh.terminals.trigger();
    refresh.atRisk.trigger();
  });

  // The socket already follows the new scope; the access token and every cached list
  // still reflect the old one, so take a fresh token and refetch.
  useLiveEvent('session.changed', () => {
    void refreshSession().then(() => client.invalidateQueries());
  });

  useLiveEvent('risk.changed', ({ upserted, removed, generatedAt }) => {
    client.setQueryData<AtRiskResponse>(atRiskQueryKey, (queue) =>
      queue ? { items: applyRiskChange(queue.items, upserted, removed), generatedAt } : queue,
    );
    // Terminals new to the queue arrive without merchant details; a throttled refetch adds them.
    refresh.atRisk.trigger();
    refresh.summary.trigger();
  });

  useLiveEvent('incidents.changed', () => {
    void client.invalidateQueries({ queryKey: ['incidents'] });
    refresh.summary.trigger();
  });

  // Every cached alert list (the page's and the bell's) takes the changed alert as it is now.
  useLiveEvent('alerts.changed', ({ alert }) => storeAlertChange(client, alert));

  // The caller's own inbox gained or read items (here or in another tab).
  useLiveEvent('inbox.changed', (count) => storeUnreadCount(client, count));

  useLiveEvent('ingest.stats', (ingest) => {
    client.setQueryData<FleetSummaryView>(fleetSummaryQueryKey, (summary) =>
      summary ? { ...summary, ingest } : summary,
    );
  });

  return null;
}

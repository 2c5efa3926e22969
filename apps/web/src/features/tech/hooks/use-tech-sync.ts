import { useQueryClient } from '@tanstack/react-query';
import type { WorkOrderTransitionTarget } from '@fleet/telemetry/api/work-orders';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { sendQueuedTransition } from '../../../api/transition-work-order';
import { storeWorkOrder } from '../../../api/work-order-cache';
import { workOrdersQueryKey } from '../../../api/get-work-orders';
import {
  TransitionQueue,
  type QueuedTransition,
  type RefusedTransition,
} from '../../../lib/offline/transition-queue';
import { useOnline } from './use-online';

const queues = new Map<string, TransitionQueue>();

/** One queue per user on this phone, so a colleague signing in never sends someone else's changes. */
function queueOf(userId: string): TransitionQueue {
  let queue = queues.get(userId);
  if (!queue) {
    queue = new TransitionQueue(localStorage, `fleet.tech.pendingTransitions.${userId}`);
    queues.set(userId, queue);
  }
  return queue;
}

export interface TechSync {
  online: boolean;
  pending: QueuedTransition[];
  syncing: boolean;
  refused: RefusedTransition[];
  dismissRefused(): void;
  /** Records one step now, with the phone's time; sent at once when online, else on reconnect. */
  record(workOrderId: string, to: WorkOrderTransitionTarget, reason?: string): void;
}

/**
 * Every transition goes through the queue, online or not: one path, always idempotent.
 * Waiting changes are replayed on mount, after each new one, and whenever the browser
 * comes back online.
 */
export function useTechSync(userId: string): TechSync {
  const client = useQueryClient();
  const queue = useMemo(() => queueOf(userId), [userId]);
  const online = useOnline();
  const [pending, setPending] = useState(() => queue.pending());
  const [syncing, setSyncing] = useState(false);
  const [refused, setRefused] = useState<RefusedTransition[]>([]);

  useEffect(() => queue.subscribe(() => setPending(queue.pending())), [queue]);

  const replay = useCallback(async () => {
    setSyncing(true);
    try {
      const result = await queue.replay((item) =>
        sendQueuedTransition(item, (order) => storeWorkOrder(client, order)),
      );
      if (result.refused.length > 0) {
        setRefused((earlier) => [...earlier, ...result.refused]);
        // The server's view wins over what the phone assumed.
        void client.invalidateQueries({ queryKey: workOrdersQueryKey });
      }
    } finally {
      setSyncing(false);
    }
  }, [client, queue]);

  useEffect(() => {
    if (online) void replay();
  }, [online, replay]);

  const record = useCallback(
    (workOrderId: string, to: WorkOrderTransitionTarget, reason?: string) => {
      queue.add({
        clientId: crypto.randomUUID(),
        workOrderId,
        to,
        at: new Date().toISOString(),
        ...(reason ? { reason } : {}),
      });
      if (navigator.onLine) void replay();
    },
    [queue, replay],
  );

  return { online, pending, syncing, refused, dismissRefused: () => setRefused([]), record };
}

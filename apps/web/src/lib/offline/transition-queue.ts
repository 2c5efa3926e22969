import { z } from 'zod';
import { WORK_ORDER_TRANSITION_TARGETS } from '@fleet/telemetry/api/work-orders';

/**
 * The technician's changes waiting for the server, kept in storage so a closed tab or a
 * reload loses none. Each has the phone's time (`at`) and a `clientId`, so sending it twice
 * (a reply lost on a bad line) changes the order once. Sent strictly in the order made.
 */
export const queuedTransitionSchema = z.object({
  clientId: z.string(),
  workOrderId: z.string(),
  to: z.enum(WORK_ORDER_TRANSITION_TARGETS),
  reason: z.string().optional(),
  at: z.string(),
});
export type QueuedTransition = z.infer<typeof queuedTransitionSchema>;

/** A change the server refused for good (409, 403, 404, 400): shown, then dropped. */
export interface RefusedTransition {
  transition: QueuedTransition;
  status: number;
  message: string;
}

/** What sending one change gave: `retry` keeps it and everything after it for later. */
export type SendOutcome =
  { kind: 'sent' } | { kind: 'retry' } | { kind: 'refused'; status: number; message: string };

export interface ReplayResult {
  sent: number;
  refused: RefusedTransition[];
  /** Left waiting: the network is down again or the server answered 5xx. */
  waiting: number;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export class TransitionQueue {
  private readonly listeners = new Set<() => void>();
  private replaying: Promise<ReplayResult> | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly key: string,
  ) {}

  pending(): QueuedTransition[] {
    const parsed = z.array(queuedTransitionSchema).safeParse(safeJson(this.storage.getItem(this.key)));
    return parsed.success ? parsed.data : [];
  }

  add(transition: QueuedTransition): void {
    this.write([...this.pending(), transition]);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends what waits, oldest first, one at a time. Stops at the first change that must wait
   * (offline, 5xx) so none overtakes an earlier one; a refused change is dropped and reported.
   * Concurrent calls share one pass.
   */
  replay(send: (transition: QueuedTransition) => Promise<SendOutcome>): Promise<ReplayResult> {
    this.replaying ??= this.replayOnce(send).finally(() => (this.replaying = undefined));
    return this.replaying;
  }

  private async replayOnce(
    send: (transition: QueuedTransition) => Promise<SendOutcome>,
  ): Promise<ReplayResult> {
    const result: ReplayResult = { sent: 0, refused: [], waiting: 0 };
    for (;;) {
      const [next] = this.pending();
      if (!next) return result;
      const outcome = await send(next);
      if (outcome.kind === 'retry') {
        result.waiting = this.pending().length;
        return result;
      }
      if (outcome.kind === 'sent') result.sent += 1;
      else result.refused.push({ transition: next, status: outcome.status, message: outcome.message });
      // Remove by id, not position: a change added meanwhile stays queued behind.
      this.write(this.pending().filter((item) => item.clientId !== next.clientId));
    }
  }

  private write(items: QueuedTransition[]): void {
    this.storage.setItem(this.key, JSON.stringify(items));
    for (const listener of this.listeners) listener();
  }
}

function safeJson(text: string | null): unknown {
  if (text === null) return [];
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return [];
  }
}

import type { FleetStats } from './fleet-control';
import type { IncidentWatch } from './incident-watch';

export interface RecoverySources {
  terminals: number;
  /** Outbox allowed when caught up: about a second of traffic. */
  normalOutbox: number;
  fleetStats(): Promise<FleetStats>;
  /** Unique messages acked to terminals whose device ts is in [fromMs, toMs). */
  ackedBetween(fromMs: number, toMs: number): Promise<number>;
  /** Rows stored whose device ts is in [fromMs, toMs); undefined while the database is down. */
  storedBetween(fromMs: number, toMs: number): Promise<number | undefined>;
  watch: IncidentWatch;
}

/** New traffic counts as stored normally when the last two whole seconds, ending a second ago, are all stored. */
const WINDOW_MS = 2000;
const LAG_MS = 1000;

/**
 * Seconds from `endedAt` (the fault's end) until the platform works normally again: every
 * terminal connected with a normal outbox, everything acked in a recent window of new
 * traffic stored (so earlier losses, e.g. a broker crash's, do not hold it up forever, and
 * a backlog queued behind the fault must drain first), and the at-risk list and incidents
 * answering with nobody OFFLINE and no outage. Gives up at `timeoutMs`.
 */
export async function secondsToRecover(
  endedAt: number,
  sources: RecoverySources,
  timeoutMs: number,
): Promise<{ seconds: number; timedOut: boolean }> {
  for (;;) {
    const now = Date.now();
    if (now - endedAt >= timeoutMs) return { seconds: (now - endedAt) / 1000, timedOut: true };
    if (await recovered(now, sources)) return { seconds: (Date.now() - endedAt) / 1000, timedOut: false };
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function recovered(now: number, sources: RecoverySources): Promise<boolean> {
  const s = await sources.fleetStats();
  if (s.connected !== sources.terminals || s.outbox > sources.normalOutbox) return false;
  const toMs = Math.floor((now - LAG_MS) / 1000) * 1000;
  const fromMs = toMs - WINDOW_MS;
  const acked = await sources.ackedBetween(fromMs, toMs);
  const stored = await sources.storedBetween(fromMs, toMs);
  if (acked === 0 || stored === undefined || stored < acked) return false;
  await sources.watch.poll();
  return sources.watch.whole;
}

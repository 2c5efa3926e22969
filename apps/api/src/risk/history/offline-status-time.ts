/**
 * When an offline status took effect. A clean shutdown is sent by the terminal itself, so
 * its ts is true. A Last Will was written at connect time: its ts is stale, and the
 * broker delivers it when the link dies. Live, the receive time is that moment; in a
 * back-fill every message arrives "now", so the receive time is capped just after the
 * newest traffic the terminal sent before the will (it died after that, not before).
 */
export function offlineStatusTime(
  status: { ts: number; reason?: string },
  receivedAt: number,
  newestTrafficBefore: number | undefined,
): number {
  if (status.reason === 'shutdown') return status.ts;
  const afterTraffic = Math.max(status.ts, newestTrafficBefore ?? -Infinity) + 1;
  return Math.min(receivedAt, afterTraffic);
}

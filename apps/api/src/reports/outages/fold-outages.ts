/** One status change of a terminal, in device time. */
export interface StatusPoint {
  ts: Date;
  online: boolean;
  reason: string | null;
}

/** An outage as the status changes alone tell it; the first heartbeat after it may end it earlier. */
export interface FoldedOutage {
  startedAt: Date;
  /** The next online status, or null when none came (yet). */
  endedByStatus: Date | null;
  reason: 'lost' | 'shutdown';
}

/**
 * Pairs a terminal's status changes (oldest first) into outages: an offline status opens one
 * unless one is open already (a repeated Will changes nothing), an online status closes it.
 * Only a clean `shutdown` is a shutdown; any other reason is a lost link.
 */
export function foldOutages(points: readonly StatusPoint[]): FoldedOutage[] {
  const outages: FoldedOutage[] = [];
  let open: FoldedOutage | undefined;
  for (const point of points) {
    if (!point.online && open === undefined) {
      open = {
        startedAt: point.ts,
        endedByStatus: null,
        reason: point.reason === 'shutdown' ? 'shutdown' : 'lost',
      };
      outages.push(open);
    } else if (point.online && open !== undefined) {
      open.endedByStatus = point.ts;
      open = undefined;
    }
  }
  return outages;
}

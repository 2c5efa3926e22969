import type { StoredOutage } from '../outages/outages.repository';
import { type Interval, overlapMs, totalMs } from './opening-hours';
import { type CauseWindow, type OutageCause, outageCause } from './outage-cause';

const MIN = 60_000;

export interface OutageLoss extends OutageCause {
  /** Opening-hour ms the outage took. */
  lostMs: number;
}

export interface TerminalAvailability {
  openMs: number;
  onlineMs: number;
  /** Null without opening hours in the period. */
  availability: number | null;
  /** Outages that started in the period. */
  outages: number;
  losses: OutageLoss[];
}

/**
 * A terminal's share of opening hours online within `[from, to)`: its opening intervals less
 * what its outages (each ending when the terminal was heard again, or still going at `now`)
 * overlap of them. Time after `now` is not counted yet.
 */
export function terminalAvailability(input: {
  opening: readonly Interval[];
  outages: readonly StoredOutage[];
  alerts: readonly CauseWindow[];
  incidents: readonly CauseWindow[];
  from: number;
  now: number;
}): TerminalAvailability {
  const opening = input.opening
    .map(([s, e]) => [s, Math.min(e, input.now)] as const)
    .filter(([s, e]) => s < e);
  const openMs = totalMs(opening);
  const losses: OutageLoss[] = [];
  let outages = 0;
  for (const outage of input.outages) {
    const start = outage.startedAt.getTime();
    const end = outage.endedAt?.getTime() ?? input.now;
    if (start >= input.from) outages++;
    const lostMs = overlapMs([start, end], opening);
    const cause = outageCause({ startedAt: start, reason: outage.reason }, input.alerts, input.incidents);
    if (lostMs > 0 || start >= input.from) losses.push({ ...cause, lostMs });
  }
  const lost = Math.min(
    openMs,
    losses.reduce((sum, l) => sum + l.lostMs, 0),
  );
  return {
    openMs,
    onlineMs: openMs - lost,
    availability: openMs > 0 ? (openMs - lost) / openMs : null,
    outages,
    losses,
  };
}

export const minutes = (ms: number) => Math.round((ms / MIN) * 10) / 10;

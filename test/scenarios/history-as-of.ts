import type { CauseCode } from '@fleet/telemetry/causes';
import { assessTerminal } from '@fleet/telemetry/risk/assess';
import type { RiskConfig } from '@fleet/telemetry/risk/config';
import type { TerminalHistory } from '@fleet/telemetry/risk/history';

const HOUR = 3_600_000;

const upTo = <T extends { ts: number }>(samples: readonly T[], t: number): T[] =>
  samples.filter((s) => s.ts <= t);

/** What the engine would have known at time t (samples with ts ≤ t). */
export function historyAsOf(history: TerminalHistory, t: number): TerminalHistory {
  const cut: TerminalHistory = {
    meta: history.meta,
    heartbeats: upTo(history.heartbeats, t),
    signal: upTo(history.signal, t),
    sim: upTo(history.sim, t),
    paper: upTo(history.paper, t),
    txn: upTo(history.txn, t),
    events: upTo(history.events, t),
    status: upTo(history.status, t),
  };
  const seen = Math.max(
    ...[cut.heartbeats, cut.signal, cut.sim, cut.paper, cut.txn, cut.events].map(
      (s) => s[s.length - 1]?.ts ?? -Infinity,
    ),
  );
  return Number.isFinite(seen) ? { ...cut, lastSeenAt: seen } : cut;
}

/**
 * When a per-terminal cause first showed, replaying the engine hour by hour over the last
 * `lookbackMs` of the history it holds (earlier than that it keeps too little to judge).
 * Returns `now` if the cause shows only now.
 */
export function firstAppearance(
  history: TerminalHistory,
  code: CauseCode,
  now: number,
  config: RiskConfig,
  lookbackMs = 24 * HOUR,
): number {
  let first = now;
  for (let t = now - HOUR; t >= now - lookbackMs; t -= HOUR) {
    const found = assessTerminal(historyAsOf(history, t), t, config).causes.some((c) => c.code === code);
    if (!found) break;
    first = t;
  }
  return first;
}

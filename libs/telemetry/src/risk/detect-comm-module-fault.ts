import { type Cause, clampScore, round } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import { currentSignalBadness } from './detect-weak-signal';
import type { TerminalHistory } from './history';
import { isHostFailure } from './host-evidence';
import { firstAtOrAfter, orderedByTs, orderedEvents } from './normalize-history';

/**
 * COMM_MODULE_FAULT: the terminal's own link fails (timeouts and comm errors in a high
 * share of attempts across several report windows, or a storm of CONN_FAIL events and
 * reconnects) while its signal and SIM are fine. Declines are card-side and only ever
 * dilute the share. Windows in which the terminal itself reported the host unreachable
 * (or ISO 8583 68/91/96) are the host's fault and left out. So are windows and connection
 * failures while the terminal was disconnected (Last Will until it was back): with no
 * network everything fails, whatever the module. A dial-up line failing its test explains
 * the failures too (LINE_FAULT).
 */
export function detectCommModuleFault(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const c = config.comm;
  const since = now - c.windowMs;
  const events = orderedEvents(history.events);
  const offline = offlineSpans(history, since, now);

  let connFails = 0;
  let reboots = 0;
  let hostTimes: number[] | undefined;
  for (let i = events.length - 1; i >= 0 && events[i]!.ts >= since - 3_600_000; i--) {
    const e = events[i]!;
    if (isHostFailure(e)) (hostTimes ??= []).push(e.ts);
    if (e.ts < since) continue;
    if (e.code === 'CONN_FAIL' && !overlaps(offline, e.ts, e.ts)) connFails++;
    else if (e.code === 'REBOOT') reboots++;
  }
  let drops = 0;
  const statuses = orderedByTs(history.status);
  for (let i = statuses.length - 1; i >= 0 && statuses[i]!.ts >= since; i--) {
    const s = statuses[i]!;
    if (!s.online && s.reason !== 'shutdown') drops++;
  }

  let attempts = 0;
  let failures = 0;
  let reversals = 0;
  let failingWindows = 0;
  const txns = orderedByTs(history.txn);
  for (let i = txns.length - 1; i >= 0 && txns[i]!.ts >= since; i--) {
    const t = txns[i]!;
    if (hostTimes !== undefined && overlapsHostFailure(hostTimes, t.ts - t.windowS * 1000, t.ts)) continue;
    if (overlaps(offline, t.ts - t.windowS * 1000, t.ts)) continue;
    attempts += t.approved + t.declined + t.timeouts + t.commErrors;
    failures += t.timeouts + t.commErrors;
    reversals += t.reversals;
    if (t.timeouts + t.commErrors > 0) failingWindows++;
  }
  const share = attempts > 0 ? failures / attempts : 0;
  const linkFailing =
    attempts >= c.minAttempts && failures >= c.minFailures && share >= c.failShare && failingWindows >= 3;
  const reconnects = connFails + reboots + drops;
  const storm = reconnects >= c.reconnects;
  if (!linkFailing && !storm) return undefined;

  // Weak signal or an unusable SIM explain the same symptoms better.
  if (currentSignalBadness(history, config) >= 0) return undefined;
  if (lineFailing(history)) return undefined;
  const sims = orderedByTs(history.sim);
  const sim = sims[sims.length - 1];
  if (sim !== undefined && (sim.dataBalanceMb <= config.sim.exhaustedMb || sim.expiresAt <= now))
    return undefined;

  const reversalShare = attempts > 0 ? reversals / attempts : 0;
  let score = linkFailing
    ? 55 + Math.min(30, 100 * (share - c.failShare))
    : 50 + Math.min(20, 2 * (reconnects - c.reconnects));
  if (linkFailing && reversalShare >= c.reversalShare) score += 5;
  if (linkFailing && storm) score += 10;
  const parts: string[] = [];
  if (attempts > 0) {
    parts.push(
      `${failures} of ${attempts} transactions failed on the link (${Math.round(100 * share)}%) in 24 h`,
    );
    if (reversals > 0) parts.push(`${reversals} reversals`);
  }
  if (reconnects > 0) parts.push(`${connFails} connection failures, ${reboots + drops} reconnects`);
  parts.push('signal and SIM fine');
  return {
    code: 'COMM_MODULE_FAULT',
    score: clampScore(score),
    evidence: parts.join('; '),
    evidenceData: {
      attempts,
      linkFailures: failures,
      failShare: round(share * 100) / 100,
      reversals,
      connFails,
      reconnects: reboots + drops,
      failingWindows,
    },
  };
}

function overlapsHostFailure(hostTimes: readonly number[], from: number, to: number): boolean {
  for (const t of hostTimes) if (t >= from && t <= to) return true;
  return false;
}

/**
 * (from, to] spans since `since` in which the terminal was disconnected by a Last Will,
 * until it announced itself online again (every connect does). Buffered messages flushed
 * later carry times inside the span, so only when that announcement is missing does the
 * first later message mark the return.
 */
function offlineSpans(history: TerminalHistory, since: number, now: number): Array<[number, number]> {
  const statuses = orderedByTs(history.status);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i]!;
    if (s.online || s.reason === 'shutdown') continue;
    const back = statuses.slice(i + 1).find((next) => next.online);
    const end = back?.ts ?? Math.min(firstTrafficAfter(history, s.ts), now);
    if (end >= since) spans.push([s.ts, end]);
  }
  return spans;
}

function firstTrafficAfter(history: TerminalHistory, t: number): number {
  let first = Infinity;
  const channels: ReadonlyArray<ReadonlyArray<{ ts: number }>> = [
    orderedByTs(history.heartbeats),
    orderedByTs(history.signal),
    orderedByTs(history.txn),
    orderedEvents(history.events),
  ];
  for (const ordered of channels) {
    const i = firstAtOrAfter(ordered, t + 1);
    if (i < ordered.length && ordered[i]!.ts < first) first = ordered[i]!.ts;
  }
  return first;
}

function overlaps(spans: ReadonlyArray<[number, number]>, from: number, to: number): boolean {
  for (const [a, b] of spans) if (from <= b && to > a) return true;
  return false;
}

/** The newest dial-up line test failed. */
function lineFailing(history: TerminalHistory): boolean {
  const readings = orderedByTs(history.signal);
  for (let i = readings.length - 1; i >= 0; i--) {
    const r = readings[i]!;
    if (r.comm !== 'dialup') return false;
    if (r.lineOk !== undefined) return !r.lineOk;
  }
  return false;
}

import type { Cause } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import { detectOffline } from './detect-offline';
import type { TerminalHistory } from './history';
import { isHostFailure } from './host-evidence';
import { lastTrafficAt } from './last-traffic';
import { orderedByTs, orderedEvents } from './normalize-history';

/** One terminal as the fleet-level incident detector sees it. */
export interface IncidentCandidate {
  terminalId: string;
  mccMnc?: string;
  carrier?: string;
  region?: string;
  /** When its current failure began (epoch ms). */
  failingSince?: number;
  /** offline: lost or silent; host: online but the payment host does not answer. */
  failureKind: 'offline' | 'host' | 'none';
  online: boolean;
}

const HOUR = 3_600_000;

/**
 * Classifies one terminal for detectIncidents. A clean shutdown is not a failure. Host
 * failures are HOST_UNREACHABLE / ISO 8583 68·91·96 events or txn windows mostly timing
 * out, in a streak that is still going (evidence within the last host window).
 * A caller that has just assessed the same history at `now` passes the causes found, so
 * detectOffline is not run a second time.
 */
export function incidentCandidate(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
  assessed?: readonly Cause[],
): IncidentCandidate {
  const readings = orderedByTs(history.signal);
  const mccMnc = history.meta.mccMnc ?? readings[readings.length - 1]?.mccMnc;
  // A literal, not `{ ...base, … }`: spreading an object with undefined fields into one with
  // more took ~7 µs in V8, 16% of every sweep of the fleet.
  const candidate = (
    failureKind: IncidentCandidate['failureKind'],
    online: boolean,
    failingSince?: number,
  ): IncidentCandidate =>
    failingSince === undefined
      ? {
          terminalId: history.meta.terminalId,
          mccMnc,
          carrier: history.meta.carrier,
          region: history.meta.region,
          failureKind,
          online,
        }
      : {
          terminalId: history.meta.terminalId,
          mccMnc,
          carrier: history.meta.carrier,
          region: history.meta.region,
          failureKind,
          failingSince,
          online,
        };
  const offline =
    assessed === undefined ? detectOffline(history, now, config) : assessed.find((c) => c.code === 'OFFLINE');
  if (offline !== undefined) {
    const lost = offline.evidenceData.reason !== 'shutdown';
    const since = Number(offline.evidenceData.offlineSince);
    return lost ? candidate('offline', false, since) : candidate('none', false);
  }
  const statuses = orderedByTs(history.status);
  const last = statuses[statuses.length - 1];
  if (last !== undefined && !last.online && last.ts >= lastTrafficAt(history) && last.ts <= now) {
    // A Last Will that detectOffline defers (it came near closing time) is still a drop:
    // many of them within minutes in one area are an outage whatever the hour.
    return last.reason === 'shutdown' ? candidate('none', false) : candidate('offline', false, last.ts);
  }
  const since = hostFailingSince(history, now, config.incidents.hostWindowMs);
  return since === undefined ? candidate('none', true) : candidate('host', true, since);
}

function hostFailingSince(history: TerminalHistory, now: number, gapMs: number): number | undefined {
  const times: number[] = [];
  const from = now - 24 * HOUR;
  const events = orderedEvents(history.events);
  for (let i = events.length - 1; i >= 0 && events[i]!.ts >= from; i--) {
    if (isHostFailure(events[i]!) && events[i]!.ts <= now) times.push(events[i]!.ts);
  }
  const txns = orderedByTs(history.txn);
  for (let i = txns.length - 1; i >= 0 && txns[i]!.ts >= from; i--) {
    const t = txns[i]!;
    const answered = t.approved + t.declined;
    if (t.timeouts >= 2 && t.timeouts > answered && t.ts <= now) times.push(t.ts - t.windowS * 1000);
  }
  if (times.length === 0) return undefined;
  times.sort((a, b) => b - a);
  if (now - times[0]! > gapMs) return undefined;
  let since = times[0]!;
  for (const t of times) {
    if (since - t > gapMs) break;
    since = t;
  }
  return since;
}

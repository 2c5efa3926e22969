import { type Cause, clampScore, describeDuration } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { StatusSample, TerminalHistory } from './history';
import { lastTrafficAt } from './last-traffic';
import { orderedByTs } from './normalize-history';
import { isUsuallyOn, learnUsualHours, nextOpening, usualTimeBetween } from './usual-hours';

const HOUR = 3_600_000;
const DEFAULT_INTERVAL_S = 60;

export type OfflineKind = 'lost' | 'silent' | 'shutdown';

/**
 * OFFLINE: a Last Will newer than all other traffic, or silence past the heartbeat
 * allowance. Silence is measured in the terminal's usual hours only; if it went quiet in
 * its usual closing hour, after a clean shutdown, or outside its usual hours, the clock
 * starts at its next usual opening (with an hour of slack for a late opening). A clean
 * shutdown without learned hours is questioned only after `shutdownGraceMs`.
 */
export function detectOffline(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const c = config.offline;
  const heartbeats = orderedByTs(history.heartbeats);
  const statuses = orderedByTs(history.status);
  const traffic = lastTrafficAt(history);
  const lastStatus: StatusSample | undefined = statuses[statuses.length - 1];
  const offlineStatus =
    lastStatus !== undefined && !lastStatus.online && lastStatus.ts >= traffic ? lastStatus : undefined;
  const start = offlineStatus?.ts ?? traffic;
  if (!Number.isFinite(start) || start > now) return undefined;
  const kind: OfflineKind =
    offlineStatus === undefined ? 'silent' : offlineStatus.reason === 'shutdown' ? 'shutdown' : 'lost';

  const intervalS = heartbeats[heartbeats.length - 1]?.intervalS ?? DEFAULT_INTERVAL_S;
  const allowance = Math.max(c.minAllowanceMs, c.missedIntervals * intervalS * 1000) + c.slackMs;
  const usual = learnUsualHours(heartbeats, c);

  let countFrom = start;
  let silent: number;
  let needed = kind === 'lost' ? 0 : allowance;
  let deferred = kind === 'shutdown';
  if (usual !== undefined) {
    const closing = kind === 'shutdown' || !isUsuallyOn(usual, start) || !isUsuallyOn(usual, start + HOUR);
    if (closing) {
      deferred = true;
      countFrom = nextOpening(usual, start) ?? start + c.shutdownGraceMs;
      needed = allowance + HOUR;
    }
    silent = countFrom < now ? usualTimeBetween(usual, countFrom, now) : 0;
  } else {
    if (kind === 'shutdown') countFrom = start + c.shutdownGraceMs;
    silent = Math.max(0, now - countFrom);
  }
  if (silent < needed || (needed > 0 && silent === needed) || countFrom > now) return undefined;

  const overdue = Math.min(1, (silent - needed) / (6 * HOUR));
  const score =
    kind === 'shutdown'
      ? 45 + 15 * overdue
      : kind === 'lost' && !deferred
        ? 80 + 15 * overdue
        : 70 + 25 * overdue;
  const since = new Date(start).toISOString().slice(11, 16);
  const evidence =
    kind === 'shutdown'
      ? `shut down cleanly at ${since} UTC and missed its usual opening by ${describeDuration(now - countFrom)}`
      : kind === 'lost'
        ? `connection lost (Last Will) at ${since} UTC, silent for ${describeDuration(now - start)}`
        : `silent for ${describeDuration(now - start)} (heartbeat every ${intervalS} s, allowance ${describeDuration(allowance)})`;
  return {
    code: 'OFFLINE',
    score: clampScore(score),
    evidence:
      usual !== undefined && deferred && kind !== 'shutdown'
        ? `${evidence}, past its usual opening`
        : evidence,
    evidenceData: {
      reason: kind,
      offlineSince: start,
      silentMinutes: Math.round((now - start) / 60_000),
      allowanceMinutes: Math.round(allowance / 60_000),
      usualHours: usual === undefined ? 'unknown' : usual.reduce((sum, h) => sum + h, 0),
    },
    predictedAt: kind === 'shutdown' ? countFrom : start,
  };
}

import { type Cause, clampScore, describeDuration, round } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { TerminalHistory } from './history';
import { orderedByTs, orderedEvents } from './normalize-history';
import { SeriesBuffer, theilSlope } from './stats';

const discharge = new SeriesBuffer();

/**
 * POWER: the latest heartbeat says battery with charge at or below the low mark, or a
 * LOW_BATTERY event came after the last heartbeat on mains. Forecasts empty from the
 * discharge since it left mains, when there is one.
 */
export function detectPower(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const c = config.power;
  const heartbeats = orderedByTs(history.heartbeats);
  const latest = heartbeats[heartbeats.length - 1];
  if (latest === undefined || latest.power !== 'battery') return undefined;

  let first = heartbeats.length - 1;
  while (first > 0 && heartbeats[first - 1]!.power === 'battery') first--;
  const onBatterySince = heartbeats[first]!.ts;
  discharge.reset();
  for (let i = first; i < heartbeats.length; i++) {
    const pct = heartbeats[i]!.batteryPct;
    if (pct !== undefined) discharge.push(heartbeats[i]!.ts, pct);
  }
  const events = orderedEvents(history.events);
  let lowEvent = false;
  for (
    let i = events.length - 1;
    i >= 0 && events[i]!.ts >= Math.max(onBatterySince, now - c.eventWindowMs);
    i--
  ) {
    if (events[i]!.code === 'LOW_BATTERY') lowEvent = true;
  }
  const pct = latest.batteryPct;
  const low = pct !== undefined && pct <= c.lowBatteryPct;
  if (!low && !lowEvent) return undefined;

  let emptyAt: number | undefined;
  if (discharge.length >= 3) {
    const slope = -theilSlope(discharge, 0, discharge.length);
    if (slope > 0 && pct !== undefined) emptyAt = Math.round(latest.ts + pct / slope);
  }
  const score = pct !== undefined ? 55 + 40 * (1 - Math.min(pct, c.lowBatteryPct) / c.lowBatteryPct) : 60;
  const charge = pct !== undefined ? `${round(pct)}%` : 'low (LOW_BATTERY event)';
  const empty = emptyAt !== undefined ? `, empty in ${describeDuration(Math.max(0, emptyAt - now))}` : '';
  return {
    code: 'POWER',
    score: clampScore(score),
    evidence: `on battery for ${describeDuration(now - onBatterySince)}, charge ${charge}${empty}`,
    evidenceData: { batteryPct: pct ?? 'unknown', onBatterySince, lowBatteryEvent: lowEvent ? 1 : 0 },
    predictedAt: emptyAt,
  };
}

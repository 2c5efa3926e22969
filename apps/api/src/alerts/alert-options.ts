import type { CauseCode } from '@fleet/telemetry/causes';
import type { AppConfig } from '../config/app-config';

/** When a cause counts as raised and as cleared: the engine's hysteresis per cause. */
export interface CauseTiming {
  /**
   * The cause must be seen this long (gaps shorter than the clear hold do not restart
   * the count) before an alert opens: a blip raises nothing.
   */
  raiseAfterMinutes: number;
  /** Gone this long before the alert resolves itself; the default is `resolveHoldMinutes`. */
  clearHoldMinutes?: number;
}

export interface AlertOptions {
  /** A cause gone this long resolves its alert by itself. */
  resolveHoldMinutes: number;
  /** The same cause back within this long after a resolution reopens that alert. */
  reopenWindowHours: number;
  /** How often the rules run with no risk change, so hold times elapse on time. */
  evaluateIntervalMs: number;
  causes: Record<CauseCode, CauseTiming>;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = {
  resolveHoldMinutes: 10,
  reopenWindowHours: 24,
  evaluateIntervalMs: 5000,
  causes: {
    // Forecasts: the risk engine already needs a burn rate or a date; raise at once.
    SIM_DATA_EXHAUSTION: { raiseAfterMinutes: 0 },
    SIM_EXPIRY: { raiseAfterMinutes: 0 },
    // Signals that cross their edge back and forth: wait before raising.
    WEAK_SIGNAL: { raiseAfterMinutes: 10, clearHoldMinutes: 30 },
    OFFLINE: { raiseAfterMinutes: 2 },
    COMM_MODULE_FAULT: { raiseAfterMinutes: 5 },
    LINE_FAULT: { raiseAfterMinutes: 5 },
    PAPER_OUT: { raiseAfterMinutes: 2 },
    POWER: { raiseAfterMinutes: 5 },
    // Incidents are debounced by the risk engine's tracker already.
    CARRIER_OUTAGE: { raiseAfterMinutes: 0 },
    HOST_MAINTENANCE: { raiseAfterMinutes: 0 },
  },
};

export const ALERT_OPTIONS = Symbol('ALERT_OPTIONS');

/** The defaults with the hold and the raise cap the configuration sets (ALERT_RESOLVE_HOLD_S, ALERT_RAISE_AFTER_S). */
export function alertOptionsFrom(config: Pick<AppConfig, 'alerting'>): AlertOptions {
  const { resolveHoldS, raiseAfterS } = config.alerting;
  if (resolveHoldS === undefined && raiseAfterS === undefined) return DEFAULT_ALERT_OPTIONS;
  const causes = { ...DEFAULT_ALERT_OPTIONS.causes };
  if (raiseAfterS !== undefined)
    for (const code of Object.keys(causes) as CauseCode[]) {
      const timing = causes[code];
      causes[code] = { ...timing, raiseAfterMinutes: Math.min(timing.raiseAfterMinutes, raiseAfterS / 60) };
    }
  return {
    ...DEFAULT_ALERT_OPTIONS,
    resolveHoldMinutes:
      resolveHoldS === undefined ? DEFAULT_ALERT_OPTIONS.resolveHoldMinutes : resolveHoldS / 60,
    causes,
  };
}

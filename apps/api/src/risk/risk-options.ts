import { DEFAULT_RISK_CONFIG, type RiskConfig } from '@fleet/telemetry/risk/config';

export interface RiskOptions {
  /** How often every terminal is re-assessed for causes time alone brings (silence, expiry). */
  sweepIntervalMs: number;
  config: RiskConfig;
  /** The engine's clock (epoch ms); replaced in tests and in the scenario evaluation. */
  now: () => number;
  /** A "merchant contacted" marker is shown for this long. */
  contactMarkerMs: number;
}

export const DEFAULT_RISK_OPTIONS: RiskOptions = {
  sweepIntervalMs: 5000,
  config: DEFAULT_RISK_CONFIG,
  now: () => Date.now(),
  contactMarkerMs: 24 * 3_600_000,
};

export const RISK_OPTIONS = Symbol('RISK_OPTIONS');

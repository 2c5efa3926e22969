import type { CommType } from '../protocol/messages';
import { round } from './cause';
import type { RiskConfig, SignalScale } from './config';
import type { SignalSample } from './history';

/**
 * Maps a signal reading onto one axis, "badness": < 0 fine, 0 at the poor edge, 0.5 at the
 * very-poor edge, 1 at the failure edge, linear in dB between. This lets 2G csq, LTE
 * RSRP/RSRQ/SINR and Wi-Fi RSSI share one persistence and trend logic.
 */
export function badnessOn(scale: SignalScale, value: number): number {
  const b =
    value >= scale.veryPoor
      ? (0.5 * (scale.poor - value)) / (scale.poor - scale.veryPoor)
      : 0.5 + (0.5 * (scale.veryPoor - value)) / (scale.veryPoor - scale.fail);
  // Clamp so one extreme reading cannot dominate a trend.
  return b < -1 ? -1 : b > 1.5 ? 1.5 : b;
}

export function isKnownCsq(csq: number | undefined): csq is number {
  return csq !== undefined && csq >= 0 && csq <= 31;
}

/** Whether a link type has a radio signal we can judge. */
export function hasRadio(comm: CommType | undefined): boolean {
  return comm !== undefined && comm !== 'ethernet' && comm !== 'dialup';
}

/** Badness of one reading for its link type (worst metric wins); NaN when nothing usable. */
export function signalBadness(s: SignalSample, cfg: RiskConfig['signal']): number {
  switch (s.comm) {
    case 'ethernet':
    case 'dialup':
      return NaN;
    case 'wifi': {
      const rssi = s.wifiRssiDbm ?? s.rssiDbm;
      return rssi === undefined ? NaN : badnessOn(cfg.wifiRssiDbm, rssi);
    }
    case '2g':
      if (isKnownCsq(s.csq)) return badnessOn(cfg.csq, s.csq);
      return s.rssiDbm === undefined ? NaN : badnessOn(cfg.rssiDbm, s.rssiDbm);
    case '3g':
    case '4g':
    case 'nbiot': {
      let worst = NaN;
      if (s.rsrpDbm !== undefined) worst = badnessOn(cfg.rsrpDbm, s.rsrpDbm);
      if (s.rsrqDb !== undefined) worst = maxDefined(worst, badnessOn(cfg.rsrqDb, s.rsrqDb));
      if (s.sinrDb !== undefined) worst = maxDefined(worst, badnessOn(cfg.sinrDb, s.sinrDb));
      if (!Number.isNaN(worst)) return worst;
      if (s.rssiDbm !== undefined) return badnessOn(cfg.rssiDbm, s.rssiDbm);
      return isKnownCsq(s.csq) ? badnessOn(cfg.csq, s.csq) : NaN;
    }
  }
}

function maxDefined(a: number, b: number): number {
  return Number.isNaN(a) || b > a ? b : a;
}

type MetricKey = 'rsrpDbm' | 'rsrqDb' | 'sinrDb' | 'csq' | 'rssiDbm' | 'wifiRssiDbm';
/** The signal metrics as evidence names them, in any language (radio engineers' names). */
export const SIGNAL_METRICS: ReadonlyArray<{ key: MetricKey; label: string; unit: string }> = [
  { key: 'rsrpDbm', label: 'RSRP', unit: ' dBm' },
  { key: 'rsrqDb', label: 'RSRQ', unit: ' dB' },
  { key: 'sinrDb', label: 'SINR', unit: ' dB' },
  { key: 'csq', label: 'csq', unit: '' },
  { key: 'rssiDbm', label: 'RSSI', unit: ' dBm' },
  { key: 'wifiRssiDbm', label: 'Wi-Fi RSSI', unit: ' dBm' },
];

/**
 * Median of each metric over readings, in words: "RSRP −114 dBm, SINR −2 dB". Lists the
 * metrics in their poor band, or every metric when none is. Only called when raising.
 */
export function describeSignal(
  readings: readonly SignalSample[],
  cfg: RiskConfig['signal'],
): { text: string; data: Record<string, number> } {
  const data: Record<string, number> = {};
  const all: string[] = [];
  const poor: string[] = [];
  for (const m of SIGNAL_METRICS) {
    const values: number[] = [];
    for (const r of readings) {
      const v = r[m.key];
      if (v !== undefined && (m.key !== 'csq' || isKnownCsq(v))) values.push(v);
    }
    if (values.length === 0) continue;
    values.sort((a, b) => a - b);
    const median = round(values[values.length >> 1]!);
    data[m.key] = median;
    const phrase = `${m.label} ${median}${m.unit}`;
    all.push(phrase);
    if (badnessOn(cfg[m.key], median) >= 0) poor.push(phrase);
  }
  return { text: (poor.length > 0 ? poor : all).join(', '), data };
}

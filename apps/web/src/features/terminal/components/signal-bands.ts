/** Quality bands drawn behind the signal chart (shared/DOMAIN.md thresholds). */
export interface Band {
  key: 'excellent' | 'good' | 'fair' | 'poor' | 'veryPoor' | 'marginal' | 'ok';
  from: number;
  to: number;
  fill: string;
}

export const RSRP_BANDS: readonly Band[] = [
  { key: 'excellent', from: -80, to: -31, fill: '#dcf3e3' },
  { key: 'good', from: -90, to: -80, fill: '#ebf7ee' },
  { key: 'fair', from: -100, to: -90, fill: '#fff6de' },
  { key: 'poor', from: -110, to: -100, fill: '#ffe9d6' },
  { key: 'veryPoor', from: -140, to: -110, fill: '#fde2df' },
];

/** 2G CSQ 0–31; 99 means unknown and is never drawn as a level. */
export const CSQ_BANDS: readonly Band[] = [
  { key: 'good', from: 15, to: 31, fill: '#dcf3e3' },
  { key: 'ok', from: 10, to: 15, fill: '#fff6de' },
  { key: 'marginal', from: 2, to: 10, fill: '#fde2df' },
];

export type SignalMetric = 'rsrpDbm' | 'csq' | 'rssiDbm' | 'wifiRssiDbm';

/** Which reading to plot: RSRP for 4G, CSQ for 2G, else whatever the link reports. */
export function pickSignalMetric(
  points: ReadonlyArray<Partial<Record<SignalMetric, number | null>>>,
): SignalMetric | undefined {
  const order: SignalMetric[] = ['rsrpDbm', 'csq', 'rssiDbm', 'wifiRssiDbm'];
  return order.find((metric) =>
    points.some(
      (p) => p[metric] !== null && p[metric] !== undefined && !(metric === 'csq' && p[metric] === 99),
    ),
  );
}

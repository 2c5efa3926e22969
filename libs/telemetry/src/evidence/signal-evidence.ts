import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../risk/config';
import { badnessOn, SIGNAL_METRICS } from '../risk/signal-quality';
import type { EvidenceKey } from './evidence-texts';
import type { EvidenceContext } from './evidence-context';
import { MissingEvidence } from './evidence-reader';

const FINDINGS: Record<string, EvidenceKey> = {
  persistent: 'evidence.WEAK_SIGNAL.persistent',
  poor_with_failures: 'evidence.WEAK_SIGNAL.poor_with_failures',
  trend: 'evidence.WEAK_SIGNAL.trend',
  step: 'evidence.WEAK_SIGNAL.step',
};

/**
 * WEAK_SIGNAL: what the signal did, its median readings, when it reaches the failure edge
 * and the link failures behind it.
 */
export function weakSignalEvidence(c: EvidenceContext): string {
  const finding = c.data.text('finding');
  const key = c.data.choice('finding', FINDINGS);
  const metrics = describedMetrics(c, DEFAULT_RISK_CONFIG.signal);
  const readings =
    finding === 'persistent' || finding === 'poor_with_failures' ? c.data.number('readings') : 0;
  let text = c.t(key, { comm: c.data.text('comm'), readings: c.number(readings), metrics });
  // A crossing already behind us is said by the forecast line ("failing for about …").
  if (c.predictedAt !== undefined && c.predictedAt > c.now) {
    text += c.t('evidence.WEAK_SIGNAL.edge', { span: c.span(c.predictedAt - c.now) });
  }
  const signIn = c.data.number('signInFails');
  const conn = c.data.number('connFails');
  if (signIn + conn > 0) {
    text += c.t('evidence.WEAK_SIGNAL.failures', { signIn: c.number(signIn), conn: c.number(conn) });
  }
  return text;
}

/**
 * "RSRP -115 dBm": the metrics in their poor band, or all of them when none is, as the
 * engine's describeSignal picks them (by the default thresholds, which the server uses).
 */
function describedMetrics(c: EvidenceContext, scales: RiskConfig['signal']): string {
  const all: string[] = [];
  const poor: string[] = [];
  for (const m of SIGNAL_METRICS) {
    if (!c.data.has(m.key)) continue;
    const median = c.data.number(m.key);
    const phrase = `${m.label} ${c.number(median)}${m.unit}`;
    all.push(phrase);
    if (badnessOn(scales[m.key], median) >= 0) poor.push(phrase);
  }
  if (all.length === 0) throw new MissingEvidence('metrics');
  return c.list(poor.length > 0 ? poor : all);
}

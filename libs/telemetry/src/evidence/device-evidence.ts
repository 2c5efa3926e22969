import type { EvidenceKey } from './evidence-texts';
import type { EvidenceContext } from './evidence-context';

const PAPER: Record<string, EvidenceKey> = {
  out: 'evidence.PAPER_OUT.out',
  jam: 'evidence.PAPER_OUT.jam',
  cover_open: 'evidence.PAPER_OUT.cover_open',
  low: 'evidence.PAPER_OUT.low',
};

/** PAPER_OUT: the printer's state and how long it has been in it. */
export function paperOutEvidence(c: EvidenceContext): string {
  return c.t(c.data.choice('status', PAPER), { span: c.span(c.now - c.data.number('since')) });
}

/** POWER: time on battery, the charge (or the LOW_BATTERY event) and when it runs flat. */
export function powerEvidence(c: EvidenceContext): string {
  const span = c.span(c.now - c.data.number('onBatterySince'));
  const pct = c.data.numberOrText('batteryPct');
  let text =
    typeof pct === 'number'
      ? c.t('evidence.POWER.charge', { span, charge: c.share(pct, 100) })
      : c.t('evidence.POWER.lowEvent', { span });
  if (c.predictedAt !== undefined) {
    text += c.t('evidence.POWER.empty', { span: c.span(Math.max(0, c.predictedAt - c.now)) });
  }
  return text;
}

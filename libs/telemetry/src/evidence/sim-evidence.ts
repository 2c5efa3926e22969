import type { EvidenceContext } from './evidence-context';

const HOUR = 3_600_000;

/** SIM_DATA_EXHAUSTION: an exhausted balance, or the burn rate and when it reaches 0. */
export function simDataExhaustionEvidence(c: EvidenceContext): string {
  const balance = c.number(c.data.number('balanceMb'));
  if (c.data.has('exhaustedSince')) {
    const span = c.span(c.now - c.data.number('exhaustedSince'));
    return c.t('evidence.SIM_DATA_EXHAUSTION.exhausted', { balance, span });
  }
  const burn = c.number(c.data.number('burnMbPerDay'));
  // predictedAt is the zero instant; the engine's hoursToZero was measured when it assessed.
  const toZero = c.predictedAt !== undefined ? c.predictedAt - c.now : c.data.number('hoursToZero') * HOUR;
  const when = toZero <= 0 ? 'past' : 'future';
  return c.t(`evidence.SIM_DATA_EXHAUSTION.${when}`, { balance, burn, span: c.span(toZero) });
}

/** SIM_EXPIRY: when the plan expires or expired, with the date. */
export function simExpiryEvidence(c: EvidenceContext): string {
  const expiresAt = c.data.number('expiresAt');
  const left = expiresAt - c.now;
  const when = left <= 0 ? 'past' : 'future';
  return c.t(`evidence.SIM_EXPIRY.${when}`, { span: c.span(left), date: c.dateTime(expiresAt) });
}

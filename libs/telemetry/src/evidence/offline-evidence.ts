import type { EvidenceContext } from './evidence-context';
import { MissingEvidence } from './evidence-reader';

const MINUTE = 60_000;

/** OFFLINE: a Last Will, silence past the heartbeat allowance, or a shop that did not open. */
export function offlineEvidence(c: EvidenceContext): string {
  const since = c.data.number('offlineSince');
  const reason = c.data.text('reason');
  switch (reason) {
    case 'lost':
      return c.t('evidence.OFFLINE.lost', { time: c.clockTime(since), span: c.span(c.now - since) });
    case 'silent': {
      const allowance = c.span(c.data.number('allowanceMinutes') * MINUTE);
      return c.t('evidence.OFFLINE.silent', { span: c.span(c.now - since), allowance });
    }
    case 'shutdown':
      // For a clean shutdown the forecast is the usual opening it missed.
      return c.t('evidence.OFFLINE.shutdown', {
        time: c.clockTime(since),
        span: c.span(c.now - c.forecast()),
      });
    default:
      throw new MissingEvidence('reason');
  }
}

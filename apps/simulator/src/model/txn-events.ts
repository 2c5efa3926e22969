import { hashUnit } from '../random';
import type { TerminalEvent, TxnCounts } from './readings';

/** At most this many events of one code per window; firmware rate-limits its event log. */
const MAX_PER_WINDOW = 6;

/** The events a window's failures leave behind: a REVERSAL per reversal, a CONN_FAIL per comm error. */
export function txnEvents(noiseKey: number, windowStart: number, counts: TxnCounts, windowMs: number): TerminalEvent[] {
  const events: TerminalEvent[] = [];
  const place = (salt: number, i: number) => windowStart + Math.floor(hashUnit(noiseKey, salt, windowStart, i) * windowMs);
  for (let i = 0; i < Math.min(counts.reversals, MAX_PER_WINDOW); i++) {
    events.push({ at: place(31, i), code: 'REVERSAL', detail: 'no host response within 60 s; reversal sent' });
  }
  for (let i = 0; i < Math.min(counts.commErrors, MAX_PER_WINDOW); i++) {
    events.push({ at: place(32, i), code: 'CONN_FAIL', detail: 'PPP/TCP connect to acquirer failed' });
  }
  return events;
}

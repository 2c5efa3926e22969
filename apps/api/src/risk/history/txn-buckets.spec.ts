import { describe, expect, it } from 'vitest';
import { addTxnWindow, txnHour } from './txn-buckets';

const window = (ts: number, timeouts = 0) =>
  txnHour({
    ts,
    windowS: 900,
    approved: 10,
    declined: 1,
    timeouts,
    reversals: 0,
    reversalFailed: 0,
    commErrors: 0,
  });

describe('txn hours', () => {
  it('sums windows and spans them from the first start to the last end', () => {
    const hour = addTxnWindow(window(1_800_000), window(2_700_000, 2));
    expect(hour).toMatchObject({ ts: 2_700_000, windowS: 1800, approved: 20, declined: 2, timeouts: 2 });
  });

  it('does not count a redelivered window twice', () => {
    const hour = addTxnWindow(window(1_800_000), window(2_700_000));
    expect(addTxnWindow(hour, window(2_700_000))).toBe(hour);
  });
});

import { describe, expect, it } from 'vitest';
import { offlineStatusTime } from './offline-status-time';

describe('offlineStatusTime', () => {
  it('trusts a clean shutdown, which the terminal sends itself', () => {
    expect(offlineStatusTime({ ts: 500, reason: 'shutdown' }, 9_000, 400)).toBe(500);
  });

  it('dates a live Last Will by its arrival', () => {
    // Written at connect (ts 100); traffic until 5 000; the broker delivers it at 5 090.
    expect(offlineStatusTime({ ts: 100, reason: 'lost' }, 5_090, 60_000)).toBe(5_090);
  });

  it('dates a back-filled Last Will just after the traffic that came before it', () => {
    expect(offlineStatusTime({ ts: 100, reason: 'lost' }, 9_999_999, 5_000)).toBe(5_001);
    expect(offlineStatusTime({ ts: 100 }, 9_999_999, undefined)).toBe(101);
  });
});

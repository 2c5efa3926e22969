import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/telemetry-factory';
import { foldLatest } from './latest-state';

const T = Date.UTC(2025, 0, 1);

describe('foldLatest', () => {
  it('keeps the newest device ts per channel, whatever the arrival order', () => {
    const [update] = foldLatest([
      makeMessage('signal', { ts: T + 2000, payload: { rsrpDbm: -80 } }),
      makeMessage('signal', { ts: T + 1000, seq: 1, payload: { rsrpDbm: -120 } }),
      makeMessage('sim', { ts: T, payload: { dataBalanceMb: 10 } }),
    ]);
    expect(update!.channels.signal).toMatchObject({ ts: T + 2000, payload: { rsrpDbm: -80 } });
    expect(update!.channels.sim?.payload).toMatchObject({ dataBalanceMb: 10 });
    expect(update!.lastSeenAt).toBe(T + 2000);
  });

  it('takes the newest status by device time, so a late old one does not win', () => {
    const [update] = foldLatest([
      makeMessage('status', { ts: T, receivedAt: T + 10, payload: { online: true } }),
      makeMessage('status', {
        ts: T - 30 * 3_600_000,
        seq: 1,
        receivedAt: T + 20,
        payload: { online: false, reason: 'shutdown' },
      }),
    ]);
    expect(update!.status).toEqual({ online: true, reason: null, ts: T, receivedAt: T + 10 });
    expect(update!.lastReceivedAt).toBe(T + 20);
  });

  it('gives a tie of device time to the status that arrived later', () => {
    const [update] = foldLatest([
      makeMessage('status', { ts: T, receivedAt: T + 10, payload: { online: true } }),
      makeMessage('status', {
        ts: T,
        seq: 1,
        receivedAt: T + 20,
        payload: { online: false, reason: 'lost' },
      }),
    ]);
    expect(update!.status).toEqual({ online: false, reason: 'lost', ts: T, receivedAt: T + 20 });
  });

  it('returns one update per terminal, sorted by id so concurrent batches lock rows in one order', () => {
    const updates = foldLatest([
      makeMessage('paper', { terminalId: 'b' }),
      makeMessage('paper', { terminalId: 'a' }),
      makeMessage('event', { terminalId: 'b', seq: 1 }),
    ]);
    expect(updates.map((u) => u.terminalId)).toEqual(['a', 'b']);
  });
});

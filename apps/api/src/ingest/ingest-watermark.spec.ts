import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { describe, expect, it } from 'vitest';
import { CATCHING_UP_MS, IngestWatermark } from './ingest-watermark';

const NOW = Date.UTC(2026, 5, 1, 12);
const MIN = 60_000;
const message = (ts: number, receivedAt: number, channel = 'heartbeat') =>
  ({ terminalId: 'T', channel, ts, seq: 0, receivedAt, payload: {} }) as unknown as TelemetryMessage;

describe('IngestWatermark', () => {
  it('trails the present only by the link latency while data arrives live', () => {
    const w = new IngestWatermark();
    for (let i = 0; i < 50; i++) w.arrived(message(NOW - 200, NOW));
    expect(w.position(NOW)).toEqual({ at: NOW - 200, behindMs: 200, catchingUp: false });
  });

  it('stays behind by the arrival lag while late data keeps arriving, and says it is catching up', () => {
    const w = new IngestWatermark();
    for (let i = 0; i < 50; i++) w.arrived(message(NOW - 20 * MIN, NOW));
    expect(w.position(NOW + 1000)).toEqual({
      at: NOW + 1000 - 20 * MIN,
      behindMs: 20 * MIN,
      catchingUp: true,
    });
  });

  it('is the present again once nothing is buffered and nothing has arrived for two seconds', () => {
    const w = new IngestWatermark();
    for (let i = 0; i < 50; i++) w.arrived(message(NOW - 20 * MIN, NOW));
    w.bufferChanged(0, false);
    expect(w.position(NOW + 2500).behindMs).toBe(0);
  });

  it('stays behind while messages wait in the buffer, however long ago the last one arrived', () => {
    const w = new IngestWatermark();
    for (let i = 0; i < 50; i++) w.arrived(message(NOW - 20 * MIN, NOW));
    w.bufferChanged(0, true); // socket paused: the broker holds the rest
    expect(w.position(NOW + 30_000).behindMs).toBe(20 * MIN);
  });

  it('holds at the last commit while the store is failing', () => {
    const w = new IngestWatermark();
    w.committed(NOW);
    w.storeFailed(NOW + 1000);
    expect(w.position(NOW + 90_000)).toEqual({
      at: NOW,
      behindMs: 90_000,
      catchingUp: 90_000 > CATCHING_UP_MS,
    });
    w.committed(NOW + 91_000);
    expect(w.position(NOW + 95_000).behindMs).toBe(0);
  });

  it('takes no lag from statuses, whose ts the ingestor set itself', () => {
    const w = new IngestWatermark();
    for (let i = 0; i < 50; i++) w.arrived(message(NOW - 5 * 3_600_000, NOW, 'status'));
    expect(w.arrivalLagMs()).toBe(0);
  });
});

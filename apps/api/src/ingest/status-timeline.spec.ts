import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { describe, expect, it } from 'vitest';
import { IngestWatermark } from './ingest-watermark';
import { StatusTimeline } from './status-timeline';

const NOW = Date.UTC(2026, 5, 1, 12);
const MIN = 60_000;
const HOUR = 60 * MIN;

const heartbeat = (terminalId: string, ts: number, receivedAt: number) =>
  ({ terminalId, channel: 'heartbeat', ts, seq: 0, receivedAt, payload: {} }) as unknown as TelemetryMessage;
const WILL = { online: false, reason: 'lost' };

/** A timeline fed as the pipeline feeds it, with the arrival lag of its watermark. */
function timelineWithLag() {
  const watermark = new IngestWatermark();
  const timeline = new StatusTimeline(() => watermark.arrivalLagMs());
  return {
    heard(message: TelemetryMessage) {
      watermark.arrived(message);
      timeline.heard(message);
    },
    dateStatus: timeline.dateStatus.bind(timeline),
    placeStatus: timeline.placeStatus.bind(timeline),
  };
}

describe('StatusTimeline', () => {
  it('dates an undated Will by its receive time, less the 50 ms data takes to arrive live', () => {
    const timeline = timelineWithLag();
    timeline.heard(heartbeat('A', NOW - MIN, NOW - MIN + 50));
    expect(timeline.dateStatus('A', WILL, NOW)).toBe(NOW - 50);
  });

  it('puts an undated Will back by the arrival lag while a backlog drains', () => {
    const timeline = timelineWithLag();
    // Every terminal's data arrives 20 minutes late.
    for (let i = 0; i < 100; i++) timeline.heard(heartbeat(`T${i}`, NOW - 20 * MIN - i, NOW - i));
    expect(timeline.dateStatus('fresh', WILL, NOW)).toBe(NOW - 20 * MIN);
  });

  it('never dates an undated Will before what its terminal sent earlier', () => {
    const timeline = timelineWithLag();
    for (let i = 0; i < 100; i++) timeline.heard(heartbeat(`T${i}`, NOW - HOUR, NOW));
    // A's clock runs 2 minutes ahead: its Will still comes after its last heartbeat.
    timeline.heard(heartbeat('A', NOW + 2 * MIN, NOW));
    expect(timeline.dateStatus('A', WILL, NOW + 1000)).toBe(NOW + 2 * MIN + 1);
  });

  it('dates a Will that carries its connect time just after the traffic before it', () => {
    const timeline = timelineWithLag();
    timeline.heard(heartbeat('A', NOW - MIN, NOW - MIN));
    const will = { ...WILL, ts: NOW - 5 * HOUR };
    expect(timeline.dateStatus('A', will, NOW)).toBe(NOW - MIN + 1);
  });

  it('dates a Will that carries its connect time after the newest traffic before it, not just the last to arrive', () => {
    const timeline = timelineWithLag();
    timeline.heard(heartbeat('A', NOW - 12 * MIN, NOW - 12 * MIN));
    timeline.heard(heartbeat('A', NOW - 10 * MIN, NOW - 10 * MIN));
    // A signal sampled earlier, sent after the newest heartbeat.
    timeline.heard(heartbeat('A', NOW - 12 * MIN, NOW - 10 * MIN));
    const will = { ...WILL, ts: NOW - HOUR };
    expect(timeline.dateStatus('A', will, NOW)).toBe(NOW - 10 * MIN + 1);
  });

  it('keeps the device ts of a stale offline status flushed in sequence with its neighbours', () => {
    const timeline = timelineWithLag();
    timeline.heard(heartbeat('A', NOW - MIN, NOW - MIN)); // live
    timeline.heard(heartbeat('A', NOW - 30 * HOUR - MIN, NOW)); // the flush begins
    const stale = { online: false, reason: 'lost', ts: NOW - 30 * HOUR };
    expect(timeline.dateStatus('A', stale, NOW)).toBe(NOW - 30 * HOUR);
  });

  it('marks undated and connect-time Wills as taking effect after traffic, not a shutdown, an online status nor a status flushed in sequence', () => {
    const timeline = timelineWithLag();
    timeline.heard(heartbeat('A', NOW - MIN, NOW - MIN));
    const after = (status: Parameters<StatusTimeline['placeStatus']>[1]) =>
      timeline.placeStatus('A', status, NOW).afterTraffic;
    expect(after(WILL)).toBe(true);
    expect(after({ ...WILL, ts: NOW - HOUR })).toBe(true);
    expect(after({ online: false, reason: 'shutdown' })).toBe(false);
    expect(after({ online: true })).toBe(false);
    expect(after({ ...WILL, ts: NOW - MIN })).toBe(false);
  });

  it('trusts the ts of a clean shutdown and of an online status', () => {
    const timeline = timelineWithLag();
    timeline.heard(heartbeat('A', NOW - MIN, NOW - MIN));
    expect(timeline.dateStatus('A', { online: false, reason: 'shutdown', ts: NOW - HOUR }, NOW)).toBe(
      NOW - HOUR,
    );
    expect(timeline.dateStatus('A', { online: true, ts: NOW - HOUR }, NOW)).toBe(NOW - HOUR);
  });

  it('dates the undated online status of a reconnect after the Will it answers', () => {
    const timeline = timelineWithLag();
    for (let i = 0; i < 100; i++) timeline.heard(heartbeat(`T${i}`, NOW - HOUR, NOW));
    timeline.heard(heartbeat('A', NOW - MIN, NOW - MIN));
    const willAt = timeline.dateStatus('A', WILL, NOW);
    timeline.heard({ ...heartbeat('A', willAt, NOW), channel: 'status' } as TelemetryMessage);
    expect(timeline.dateStatus('A', { online: true }, NOW + 10)).toBeGreaterThan(willAt);
  });
});

import type { RejectReason } from '@fleet/telemetry/protocol/validate';
import { topicFor } from '@fleet/telemetry/protocol/topics';
import { MAX_PAYLOAD_BYTES } from '@fleet/telemetry/protocol/messages';
import { DAY, MINUTE } from '../time';

/**
 * A message the platform must refuse, with the reason it must give. `duplicate` is the one
 * exception: it is valid, sent `copies` times, and the store keeps it once.
 */
export interface BadMessage {
  name: string;
  topic: string;
  payload: Buffer;
  expect: RejectReason | 'duplicate';
  /** How many times to publish it (2 for the duplicate). */
  copies: number;
}

export interface BadMessageOptions {
  /** A terminal id to publish under; default `BAD000001`. */
  terminalId?: string;
  /** The platform clock the messages are judged against; default Date.now(). */
  now?: number;
  /** Raw-data retention of the platform, for the too-old case; default 30 days. */
  retentionDays?: number;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** One example of every way terminal traffic can be wrong. */
export function* badMessages(options: BadMessageOptions = {}): Generator<BadMessage> {
  const tid = options.terminalId ?? 'BAD000001';
  const now = options.now ?? Date.now();
  const retentionMs = (options.retentionDays ?? 30) * DAY;
  const heartbeat = (ts: number | string, extra: object = {}) =>
    ({ ts, seq: 1, intervalS: 60, uptimeS: 120, comm: '4g', power: 'mains', ...extra }) as Record<string, unknown>;
  const hb = topicFor(tid, 'heartbeat');
  const one = (name: string, topic: string, payload: Buffer, expect: RejectReason): BadMessage => ({ name, topic, payload, expect, copies: 1 });

  yield one('bad JSON', hb, Buffer.from('{"ts": 1700000000000, "seq": 1,'), 'bad_json');
  yield one('not UTF-8', hb, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'bad_utf8');
  yield one('JSON array instead of object', hb, json([heartbeat(now)]), 'not_an_object');
  yield one('wrong type: intervalS as string', hb, json(heartbeat(now, { intervalS: '60' })), 'schema');
  yield one('missing seq', hb, json({ ...heartbeat(now), seq: undefined }), 'schema');
  yield one('ts without offset', hb, json(heartbeat('2025-03-01T10:00:00')), 'schema');
  yield one('out of range: rsrpDbm -200', topicFor(tid, 'signal'), json({ ts: now, seq: 1, comm: '4g', rsrpDbm: -200 }), 'schema');
  yield one('out of range: csq 50', topicFor(tid, 'signal'), json({ ts: now, seq: 2, comm: '2g', csq: 50 }), 'schema');
  yield one('negative data balance', topicFor(tid, 'sim'), json({ ts: now, seq: 1, iccid: '89860012345678901234', dataBalanceMb: -5, expiresAt: '2026-01-01' }), 'schema');
  yield one('unknown paper status', topicFor(tid, 'paper'), json({ ts: now, seq: 1, status: 'empty' }), 'schema');
  yield one('payload over 4 KiB', hb, json(heartbeat(now, { padding: 'x'.repeat(MAX_PAYLOAD_BYTES) })), 'payload_too_large');
  yield one('ts 10 min in the future', hb, json(heartbeat(now + 10 * MINUTE)), 'ts_in_future');
  yield one('ts older than retention', hb, json(heartbeat(now - retentionMs - DAY)), 'ts_too_old');
  yield one('unknown channel', `fleet/v1/${tid}/temperature`, json({ ts: now, seq: 1, celsius: 40 }), 'unknown_channel');
  yield one('bad terminal id', 'fleet/v1/bad.id!/heartbeat', json(heartbeat(now)), 'bad_terminal_id');
  yield one('extra topic level', `fleet/v1/${tid}/heartbeat/extra`, json(heartbeat(now)), 'topic_shape');
  yield one('topic outside fleet/v1', `fleet/v2/${tid}/heartbeat`, json(heartbeat(now)), 'topic_outside_fleet_v1');
  yield { name: 'duplicate (same ts and seq twice)', topic: hb, payload: json(heartbeat(now - MINUTE, { seq: 7 })), expect: 'duplicate', copies: 2 };
}

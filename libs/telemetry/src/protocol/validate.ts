import type { z } from 'zod';
import { channelSchemas, MAX_PAYLOAD_BYTES, type statusSchema, type TelemetryMessage } from './messages';
import { parseTopic, type TopicRejectReason } from './topics';

/** A status as the terminal sent it: `ts` and `seq` may be missing (PROTOCOL.md §1). */
export type StatusFields = z.output<typeof statusSchema>;

/** How far ahead of the platform clock a device `ts` may be. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface ValidationContext {
  /** Platform receive time, epoch ms. */
  receivedAt: number;
  /** Messages older than this (raw-data retention) are rejected. */
  retentionMs: number;
  /**
   * When a status took effect on the device timeline (the ingestor knows what else the
   * terminal sent and how late data is arriving). Without it: its `ts`, else receivedAt.
   */
  statusTime?: (terminalId: string, status: StatusFields) => number;
}

export type RejectReason =
  | TopicRejectReason
  | 'payload_too_large'
  | 'bad_utf8'
  | 'bad_json'
  | 'not_an_object'
  | 'schema'
  | 'ts_in_future'
  | 'ts_too_old';

export type ValidationResult =
  | { ok: true; message: TelemetryMessage }
  | { ok: false; reason: RejectReason; detail: string; terminalId?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function reject(reason: RejectReason, detail: string, terminalId?: string): ValidationResult {
  return { ok: false, reason, detail, terminalId };
}

/** Validates one MQTT message against protocol v1. Never throws. */
export function validateMessage(topic: string, payload: Uint8Array, ctx: ValidationContext): ValidationResult {
  const parsedTopic = parseTopic(topic);
  if (!parsedTopic.ok) {
    const { reason } = parsedTopic;
    return reject(reason, `topic "${topic.slice(0, 200)}": ${reason}`, parsedTopic.terminalId);
  }
  const { terminalId, channel } = parsedTopic;
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    return reject('payload_too_large', `${payload.byteLength} bytes > ${MAX_PAYLOAD_BYTES}`, terminalId);
  }
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return reject('bad_utf8', 'payload is not valid UTF-8', terminalId);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return reject('bad_json', (error as Error).message.slice(0, 200), terminalId);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return reject('not_an_object', 'payload must be one JSON object', terminalId);
  }
  const result = channelSchemas[channel].safeParse(json);
  if (!result.success) {
    const detail = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return reject('schema', detail, terminalId);
  }
  const data = result.data;
  const ts =
    channel === 'status'
      ? (ctx.statusTime?.(terminalId, data as StatusFields) ?? data.ts ?? ctx.receivedAt)
      : data.ts!;
  if (ts > ctx.receivedAt + MAX_FUTURE_SKEW_MS) {
    return reject('ts_in_future', `ts ${new Date(ts).toISOString()} is more than ${MAX_FUTURE_SKEW_MS / 60_000} min ahead`, terminalId);
  }
  if (ts < ctx.receivedAt - ctx.retentionMs) {
    return reject('ts_too_old', `ts ${new Date(ts).toISOString()} is older than raw retention`, terminalId);
  }
  const message = {
    terminalId,
    channel,
    ts,
    seq: data.seq ?? 0,
    receivedAt: ctx.receivedAt,
    // Only a status can lack its envelope; the others pass through uncopied.
    payload: channel === 'status' ? { ...data, ts, seq: data.seq ?? 0 } : data,
  } as TelemetryMessage;
  return { ok: true, message };
}


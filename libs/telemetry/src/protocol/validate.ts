import { channelSchemas, MAX_PAYLOAD_BYTES, type TelemetryMessage } from './messages';
import { parseTopic, type TopicRejectReason } from './topics';

/** How far ahead of the platform clock a device `ts` may be. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface ValidationContext {
  /** Platform receive time, epoch ms. */
  receivedAt: number;
  /** Messages older than this (raw-data retention) are rejected. */
  retentionMs: number;
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
  if (data.ts > ctx.receivedAt + MAX_FUTURE_SKEW_MS) {
    return reject('ts_in_future', `ts ${new Date(data.ts).toISOString()} is more than ${MAX_FUTURE_SKEW_MS / 60_000} min ahead`, terminalId);
  }
  if (data.ts < ctx.receivedAt - ctx.retentionMs) {
    return reject('ts_too_old', `ts ${new Date(data.ts).toISOString()} is older than raw retention`, terminalId);
  }
  const message = {
    terminalId,
    channel,
    ts: data.ts,
    seq: data.seq,
    receivedAt: ctx.receivedAt,
    payload: data,
  } as TelemetryMessage;
  return { ok: true, message };
}

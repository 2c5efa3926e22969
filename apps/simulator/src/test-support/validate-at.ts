import { validateMessage, type ValidationResult } from '@fleet/telemetry/protocol/validate';
import { DAY } from '../time';

export const RETENTION = 30 * DAY;

/** Validates a message as the platform would on receiving it at `receivedAt`. */
export function validate(topic: string, payload: Buffer | object, receivedAt: number, retentionMs = RETENTION): ValidationResult {
  const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
  return validateMessage(topic, bytes, { receivedAt, retentionMs });
}

import type { DeadLetter } from '../storage/telemetry-store.port';

export const DEAD_LETTER_PAYLOAD_BYTES = 2048;

/** Text safe for a PostgreSQL text column: NUL is the one character it cannot hold. */
function storable(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

/** A refused message as kept in the dead-letter store: payload text cut to 2 KiB. */
export function toDeadLetter(
  topic: string,
  payload: Buffer,
  rejection: { reason: DeadLetter['reason']; detail: string; terminalId?: string },
  receivedAt: number,
): DeadLetter {
  return {
    topic: storable(topic),
    payload: storable(payload.subarray(0, DEAD_LETTER_PAYLOAD_BYTES).toString('utf8')),
    reason: rejection.reason,
    detail: storable(rejection.detail),
    ...(rejection.terminalId !== undefined ? { terminalId: rejection.terminalId } : {}),
    receivedAt,
  };
}

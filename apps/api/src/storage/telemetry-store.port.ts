import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { RejectReason } from '@fleet/telemetry/protocol/validate';

/** A message the ingestor refused, kept with the reason so nothing is lost silently. */
export interface DeadLetter {
  topic: string;
  /** Raw payload as text, truncated to a few KiB. */
  payload: string;
  /** `store_refused`: valid by the protocol, refused for good by the database (detail has its SQLSTATE and words). */
  reason: RejectReason | 'store_refused';
  detail: string;
  terminalId?: string;
  receivedAt: number;
}

export interface StoreBatchResult {
  /** Rows newly written (a duplicate of a stored message is not counted). */
  stored: number;
  duplicates: number;
  deadLetters: number;
}

/**
 * The one write path of the ingestor: a batch of validated messages and dead letters,
 * committed in one transaction. Raw rows are idempotent on (terminal, channel, ts, seq);
 * each terminal's latest state only moves forward in device time; terminals never
 * imported are registered as unregistered.
 */
export interface TelemetryStore {
  storeBatch(
    messages: readonly TelemetryMessage[],
    deadLetters: readonly DeadLetter[],
  ): Promise<StoreBatchResult>;
}

export const TELEMETRY_STORE = Symbol('TELEMETRY_STORE');

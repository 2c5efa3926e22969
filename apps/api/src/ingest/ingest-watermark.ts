import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { ArrivalLag } from './arrival-lag';

/** Nothing buffered and no message for this long: nothing is queued behind what arrived. */
const QUIET_MS = 2_000;
/** Behind by more than this, the platform says it is catching up (health, metrics, banner). */
export const CATCHING_UP_MS = 60_000;

export interface IngestPosition {
  /** Up to when the fleet's data has arrived (epoch ms): silence after it is not yet known. */
  at: number;
  behindMs: number;
  catchingUp: boolean;
}

/**
 * How far the ingest as a whole has actually got. While data keeps arriving late (a broker
 * backlog after a restart, thousands of terminals flushing stored messages, the demo's
 * history back-fill), everything newer than "now − the arrival lag" may still be on its
 * way, so silence must not be judged beyond it. While the store is failing nothing new
 * reaches the engine: the position stays at the last commit. Once nothing is buffered and
 * nothing more arrives for a moment, whatever was queued has been read: the present.
 */
export class IngestWatermark {
  private readonly lag = new ArrivalLag();
  private lastArrivalAt = -Infinity;
  private lastCommitAt: number | undefined;
  private failingSince: number | undefined;
  private buffered = false;

  /** An accepted message; a status's ts is the ingestor's own dating, not an arrival lag. */
  arrived(message: TelemetryMessage): void {
    this.lastArrivalAt = message.receivedAt;
    if (message.channel !== 'status') this.lag.record(message.receivedAt, message.ts);
  }

  /** The current arrival lag in ms (0 before any data). */
  arrivalLagMs(): number {
    return this.lag.current();
  }

  committed(at: number): void {
    this.lastCommitAt = at;
    this.failingSince = undefined;
  }

  /** Messages waiting to be stored (or the socket paused for them): more may be queued behind. */
  bufferChanged(depth: number, backpressured: boolean): void {
    this.buffered = depth > 0 || backpressured;
  }

  storeFailed(at: number): void {
    this.failingSince ??= at;
  }

  position(now: number): IngestPosition {
    const flowing = this.buffered || now - this.lastArrivalAt <= QUIET_MS;
    let at = flowing ? now - this.lag.current() : now;
    if (this.failingSince !== undefined) at = Math.min(at, this.lastCommitAt ?? this.failingSince);
    const behindMs = Math.max(0, now - at);
    return { at: now - behindMs, behindMs, catchingUp: behindMs > CATCHING_UP_MS };
  }
}

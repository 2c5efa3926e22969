import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { StatusFields } from '@fleet/telemetry/protocol/validate';

/** Terminals remembered at most; past it the longest-silent are forgotten first. */
const MAX_TERMINALS = 500_000;

/**
 * Puts every status on the device timeline, where all other channels already are, so
 * "newest wins" compares like with like:
 * - a status with `ts` is at its `ts`, as every other message;
 * - a status without `ts` (the Last Will as PROTOCOL.md §1 shows it) is at its receive
 *   time, less how late data is arriving now (a backlog being drained), and never before
 *   what the terminal sent earlier: the broker publishes a Will after the link died;
 * - an offline status (not a shutdown) dated before what the terminal already sent is a
 *   Will whose `ts` is its connect time (PROTOCOL.md §1): it took effect after all that
 *   traffic, so it is dated just after the newest of it (channels arrive interleaved: the
 *   last to arrive is not always the newest). One dated at or after the terminal's previous
 *   message (in arrival order) is in sequence with it (a store-and-forward flush) and keeps
 *   its `ts`, so a stale one flushed late undoes nothing.
 */
export class StatusTimeline {
  /** @param arrivalLagMs how late data is arriving now (IngestWatermark). */
  constructor(private readonly arrivalLagMs: () => number) {}

  /** Per terminal: the device ts of its previous accepted message (in arrival order) and the newest it sent. */
  private readonly heardFrom = new Map<string, { previous: number; newest: number }>();

  /** Notes an accepted message (a status at the time dateStatus gave it). */
  heard({ terminalId, ts }: TelemetryMessage): void {
    const known = this.heardFrom.get(terminalId);
    this.heardFrom.delete(terminalId);
    this.heardFrom.set(terminalId, { previous: ts, newest: Math.max(known?.newest ?? ts, ts) });
    if (this.heardFrom.size > MAX_TERMINALS) this.heardFrom.delete(this.heardFrom.keys().next().value!);
  }

  /** When `status` took effect (epoch ms). */
  dateStatus(terminalId: string, status: StatusFields, receivedAt: number): number {
    return this.placeStatus(terminalId, status, receivedAt).ts;
  }

  /**
   * When `status` took effect, and whether it is a Will that took effect after the traffic
   * its terminal sent before it (so the store moves it after what other processes stored).
   */
  placeStatus(
    terminalId: string,
    status: StatusFields,
    receivedAt: number,
  ): { ts: number; afterTraffic: boolean } {
    const known = this.heardFrom.get(terminalId);
    const afterNewest = known === undefined ? -Infinity : known.newest + 1;
    const likeAWill = !status.online && status.reason !== 'shutdown';
    if (status.ts === undefined)
      return { ts: Math.max(receivedAt - this.arrivalLagMs(), afterNewest), afterTraffic: likeAWill };
    if (likeAWill && known !== undefined && status.ts < known.previous)
      return { ts: afterNewest, afterTraffic: true };
    return { ts: status.ts, afterTraffic: false };
  }
}

import { Logger } from '@nestjs/common';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';

/** Device time this close to the wall clock means a replay has reached live data. */
const REPLAY_CAUGHT_UP_MS = 30_000;

/**
 * The demo's history replay: while stored history is replayed through the broker (its
 * first-start back-fill), the engine judges at the newest device time it has seen instead of
 * the wall clock, so a half-loaded history does not look like a fleet gone silent.
 */
export class ReplayClock {
  private readonly logger = new Logger('Risk');
  private replay: { at?: number; ending: boolean } | undefined;

  constructor(private readonly wallClock: () => number) {}

  /** Judge at replay time from now on, until endWhenCaughtUp() and live data meet. */
  begin(): void {
    this.replay = { ending: false };
  }

  /** Back to the wall clock once device time has caught up with it (live data flowing). */
  endWhenCaughtUp(): void {
    if (this.replay) this.replay.ending = true;
  }

  /** Back to the wall clock at once (a replay that failed part-way). */
  end(): void {
    this.replay = undefined;
  }

  get replaying(): boolean {
    return this.replay !== undefined;
  }

  /** The replay's time; undefined while it has delivered nothing yet. */
  get at(): number | undefined {
    return this.replay?.at;
  }

  /** Moves replay time to the newest message not in the future; ends the replay once caught up. */
  advance(messages: readonly TelemetryMessage[]): void {
    if (!this.replay) return;
    const wall = this.wallClock();
    let at = this.replay.at ?? 0;
    for (const m of messages) if (m.ts > at && m.ts <= wall) at = m.ts;
    this.replay.at = at || undefined;
    if (this.replay.ending && at >= wall - REPLAY_CAUGHT_UP_MS) {
      this.replay = undefined;
      this.logger.log('risk: history replay caught up; judging at the wall clock again');
    }
  }
}

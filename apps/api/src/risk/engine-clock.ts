import type { IngestPosition } from '../ingest/ingest-watermark';
import type { ReplayClock } from './replay-clock';

/**
 * The engine's time: replay time during the demo's back-fill, else the wall clock held back
 * by how far the ingest is behind (a backlog draining, a mass store-and-forward flush, the
 * store down): silence beyond what has arrived is not yet known.
 */
export class EngineClock {
  constructor(
    private readonly wallClock: () => number,
    private readonly replay: ReplayClock,
    /** The in-process ingestor's, or in a cluster the change feed's view of every ingestor. */
    private readonly ingestPosition: () => IngestPosition,
  ) {}

  /** Undefined while a replay has not delivered anything yet. */
  now(): number | undefined {
    if (this.replay.replaying) return this.replay.at;
    return this.wallClock() - this.ingestPosition().behindMs;
  }
}

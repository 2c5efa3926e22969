const DEFAULT_SAMPLES = 256;

/**
 * How late data is arriving right now: the median of (receive time − device ts) over the
 * last dated messages. Near zero while live; large while a broker backlog drains, so
 * "received now" can be put back onto the device timeline (receivedAt − lag). A median,
 * so the odd terminal flushing stored messages does not move it; a mass flush does.
 */
export class ArrivalLag {
  private readonly lags: Float64Array;
  private count = 0;
  private next = 0;
  private median: number | undefined = 0;

  constructor(samples = DEFAULT_SAMPLES) {
    this.lags = new Float64Array(samples);
  }

  /** One dated message: `receivedAt` by the platform clock, `ts` by the terminal's. */
  record(receivedAt: number, ts: number): void {
    this.lags[this.next] = Math.max(0, receivedAt - ts);
    this.next = (this.next + 1) % this.lags.length;
    this.count = Math.min(this.count + 1, this.lags.length);
    this.median = undefined;
  }

  /** The current lag in ms (0 before any data). */
  current(): number {
    if (this.median !== undefined) return this.median;
    const sorted = this.lags.slice(0, this.count).sort();
    this.median = this.count === 0 ? 0 : sorted[(this.count - 1) >> 1]!;
    return this.median;
  }
}

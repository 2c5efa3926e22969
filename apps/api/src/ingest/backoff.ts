/** Exponential backoff with full jitter, so many clients do not retry in lockstep. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** this.attempt);
    this.attempt += 1;
    return Math.round(this.minMs + (ceiling - this.minMs) * this.random());
  }

  reset(): void {
    this.attempt = 0;
  }
}

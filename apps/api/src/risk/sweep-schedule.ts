/**
 * Runs the sweep every `intervalMs`, one at a time (a sweep still running when the next is
 * due is the one that counts), and in slices: between slices of a large fleet the event
 * loop serves ingest and HTTP.
 */
export class SweepSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly sweep: () => Promise<void>,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.now(), this.intervalMs);
    this.timer.unref();
  }

  /** A sweep now, or the one under way. */
  now(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves once a sweep under way has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

/** Drives a sliced computation to its end, yielding to the event loop between slices. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

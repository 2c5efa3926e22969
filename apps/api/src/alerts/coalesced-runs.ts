import { performance } from 'node:perf_hooks';

export interface CoalescedRunsOptions {
  /** Soon-requests start no sooner than this after the previous pass started. */
  minSpacingMs: number;
  /** A monotonic clock (ms) for the spacing; not the data clock, which tests move by hours. */
  now?: () => number;
}

interface Pending {
  done: Promise<void>;
  resolve: () => void;
  urgent: boolean;
}

/**
 * One pass at a time, at most one more pending: every request made while a pass runs is
 * answered by the single pass after it. A `soon` request (a risk change, each ingest
 * batch) waits out the minimum spacing since the previous start; an `urgent` one (a raise
 * time come due, a caller waiting) starts as soon as no pass runs. The pass handles its own
 * errors; a rejection still counts as a pass done.
 */
export class CoalescedRuns {
  private pending: Pending | undefined;
  private running = false;
  private lastStartedAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = 0;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly options: CoalescedRunsOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** A pass after the minimum spacing; resolves once a pass that started after this call is done. */
  soon(): Promise<void> {
    return this.request(false);
  }

  /** A pass as soon as none runs; resolves once a pass that started after this call is done. */
  urgent(): Promise<void> {
    return this.request(true);
  }

  /** Starts nothing more, waits for the pass under way; whoever waits on a pass left pending is let go. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.idle;
    this.pending?.resolve();
    this.pending = undefined;
  }

  private request(urgent: boolean): Promise<void> {
    if (this.pending === undefined) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      this.pending = { done, resolve, urgent };
    } else if (urgent) this.pending.urgent = true;
    const { done } = this.pending;
    this.schedule();
    return done;
  }

  /** Sets the timer for the pending pass (never started inline: the requester's own work comes first). */
  private schedule(): void {
    const pending = this.pending;
    if (this.closed || pending === undefined || this.running) return;
    const now = this.now();
    const wait = pending.urgent ? 0 : Math.max(0, this.lastStartedAt + this.options.minSpacingMs - now);
    if (this.timer !== undefined && this.timerDueAt <= now + wait) return;
    clearTimeout(this.timer);
    this.timerDueAt = now + wait;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.pending !== undefined && !this.running && !this.closed) this.start(this.pending);
    }, wait);
    this.timer.unref();
  }

  private start(pending: Pending): void {
    this.pending = undefined;
    this.running = true;
    this.lastStartedAt = this.now();
    const finished = () => {
      this.running = false;
      pending.resolve();
      this.schedule();
    };
    this.idle = this.pass().then(finished, finished);
  }
}

import { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

/** Why a terminal's PUBLISH was acknowledged and dropped. */
export type ForbiddenReason = 'foreign_topic' | 'sys_topic';

export interface ForbiddenPublish {
  clientId: string;
  username: string | undefined;
  topic: string;
  reason: ForbiddenReason;
}

/** At most this many warn lines per window; the rest are only counted (a flood must not flood the log). */
const LOG_LINES_PER_WINDOW = 10;
const LOG_WINDOW_MS = 60_000;

/**
 * Counts and logs publishes the broker acked and dropped (fleet_broker_forbidden_total{reason}).
 * Without a registry (a broker started outside Nest) it still counts, readable through `total`.
 */
export class ForbiddenPublishes {
  private readonly logger = new Logger('BrokerAuth');
  private readonly counts = new Map<ForbiddenReason, number>();
  private windowStart = 0;
  private linesInWindow = 0;
  private suppressed = 0;

  private readonly counter: Counter<'reason'> | undefined;

  /** `now` is the clock seam for the log rate limit (Date.now outside tests). */
  constructor(
    registry?: Registry,
    private readonly now: () => number = Date.now,
  ) {
    if (!registry) return;
    this.counter = new Counter({
      name: 'fleet_broker_forbidden_total',
      help: 'PUBLISH packets the embedded broker acknowledged and dropped because the client may not publish there',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  total(reason?: ForbiddenReason): number {
    if (reason) return this.counts.get(reason) ?? 0;
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  record(event: ForbiddenPublish): void {
    this.counts.set(event.reason, (this.counts.get(event.reason) ?? 0) + 1);
    this.counter?.inc({ reason: event.reason });
    const now = this.now();
    if (now - this.windowStart >= LOG_WINDOW_MS) {
      if (this.suppressed > 0) {
        this.logger.warn({ event: 'broker_forbidden_unlogged', suppressed: this.suppressed });
      }
      this.windowStart = now;
      this.linesInWindow = 0;
      this.suppressed = 0;
    }
    if (this.linesInWindow >= LOG_LINES_PER_WINDOW) {
      this.suppressed++;
      return;
    }
    this.linesInWindow++;
    this.logger.warn({ event: 'broker_forbidden_publish', ...event });
  }
}

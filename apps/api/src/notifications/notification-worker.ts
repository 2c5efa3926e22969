import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DeliveryError,
  NOTIFICATION_CHANNELS_TOKEN,
  type NotificationChannel,
} from './channels/notification-channel';
import {
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
  type Clock,
  type NotificationOptions,
} from './notification-options';
import { OutboxRepository, type ClaimedNotification } from './outbox.repository';
import { retryDelayMs } from './retry-delay';
import { NOTIFICATION_CHANNELS, type NotificationChannelKind } from './notification-tables';

/** Rows claimed together and delivered `parallel` at a time. */
interface Lane {
  channels: readonly NotificationChannelKind[];
  /** Deliveries at once; undefined: the whole claimed batch. */
  parallel?: number;
  /** Rows claimed at once, for channels that send many in one go (sendMany); else batchSize. */
  claim?: number;
  /** Deliveries kept going at once by a lane claiming as each ends; batchSize when unset. */
  inFlight?: number;
}

/**
 * Claimed apart: the inbox is a write to this database, the others wait on remote servers;
 * an outage's thousands of inbox notices must not hold the few mails back, nor the reverse.
 * The inbox writes a claim of 200 in one transaction (sendMany), on one pooled connection;
 * rows sent one by one go two at a time: twenty at once took every pooled connection, and
 * each mail's claim and record queued behind them for seconds. The others wait on remote
 * servers, a few round trips each: a storm's 250 mails, 20 at a time, left at ~15 a second on
 * a busy process, each mostly waiting its turn on the event loop, so that lane keeps 64 going
 * (claimed batchSize at a time at most).
 */
const LANES: readonly Lane[] = [
  { channels: ['in_app'], parallel: 2, claim: 200 },
  { channels: NOTIFICATION_CHANNELS.filter((channel) => channel !== 'in_app'), inFlight: 64 },
];

export interface WorkerRunResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Works the outbox: claims due rows, sends each through its channel and records the
 * attempt. Any number of workers (processes) may run on one database; a claim gives a
 * row to exactly one of them. Nothing is kept in memory, so a restart resumes whatever
 * is due. A sender that dies between a send and its record leaves the row to be sent
 * again after the lease: the channels pass the idempotency key for receivers to drop it.
 */
@Injectable()
export class NotificationWorker {
  private readonly logger = new Logger('Notifications');
  private readonly channels: ReadonlyMap<string, NotificationChannel>;
  private timer: NodeJS.Timeout | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt: number | undefined;
  private tickAgain = false;
  private ticking: Promise<unknown> | undefined;
  private readonly draining = new Map<Lane, Promise<unknown>>();
  /** Lanes woken while draining: their drain may have looked just before the rows came. */
  private readonly wokenWhileDraining = new Set<Lane>();
  /** `timed`: called by the worker's own ticks, which need not wait for work it can leave behind. */
  private readonly beforeRun: Array<(timed: boolean) => Promise<void>> = [];

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(NOTIFICATION_CHANNELS_TOKEN) channels: NotificationChannel[],
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {
    this.channels = new Map(channels.map((channel) => [channel.kind, channel]));
  }

  /** Work to do at every tick before the outbox is read (the grouper's flush). */
  onTick(work: (timed: boolean) => Promise<void>): void {
    this.beforeRun.push(work);
  }

  /** One pass: in each lane at once, claims due rows batch after batch until none is due. */
  async runOnce(): Promise<WorkerRunResult> {
    for (const work of this.beforeRun) await work(false);
    const result: WorkerRunResult = { sent: 0, retried: 0, failed: 0 };
    const outcomes = await Promise.all(LANES.map((lane) => this.drain(lane)));
    for (const outcome of outcomes.flat()) result[outcome] += 1;
    return result;
  }

  private drain(lane: Lane): Promise<Array<keyof WorkerRunResult>> {
    return lane.parallel === undefined
      ? this.drainContinuously(lane)
      : this.drainInSteps(lane, lane.parallel);
  }

  /** Claims a batch, delivers it `parallel` at a time, claims the next, until none is due. */
  private async drainInSteps(lane: Lane, parallel: number): Promise<Array<keyof WorkerRunResult>> {
    const outcomes: Array<keyof WorkerRunResult> = [];
    for (;;) {
      const claimed = await this.outbox.claimDue(
        this.now(),
        lane.claim ?? this.options.batchSize,
        this.options.leaseMs,
        lane.channels,
      );
      if (claimed.length === 0) return outcomes;
      const oneByOne = await this.deliverMany(claimed, outcomes);
      for (let i = 0; i < oneByOne.length; i += parallel)
        outcomes.push(
          ...(await Promise.all(oneByOne.slice(i, i + parallel).map((row) => this.deliver(row)))),
        );
    }
  }

  /** Sends each channel's rows at once where it can (sendMany); returns the rows left to send one by one. */
  private async deliverMany(
    claimed: readonly ClaimedNotification[],
    outcomes: Array<keyof WorkerRunResult>,
  ): Promise<ClaimedNotification[]> {
    const left: ClaimedNotification[] = [];
    for (const kind of new Set(claimed.map((row) => row.channel))) {
      const rows = claimed.filter((row) => row.channel === kind);
      const channel = this.channels.get(kind);
      if (channel?.sendMany === undefined || rows.length < 2) {
        left.push(...rows);
        continue;
      }
      try {
        await channel.sendMany(rows, this.now());
        for (const _row of rows) outcomes.push('sent');
      } catch {
        left.push(...rows);
      }
    }
    return left;
  }

  /**
   * Keeps up to the lane's inFlight deliveries going, claiming as each one ends: a storm's big
   * mails (a support agent's lists 2,000 alerts) held a whole batch back until its slowest was sent.
   */
  private async drainContinuously(lane: Lane): Promise<Array<keyof WorkerRunResult>> {
    const outcomes: Array<keyof WorkerRunResult> = [];
    const inFlight = new Set<Promise<void>>();
    const most = lane.inFlight ?? this.options.batchSize;
    let failure: unknown;
    let ended = 0;
    for (;;) {
      // A delivery may queue a row as it ends (a push's SMS fallback): if one ended while this
      // claim read, the claim may not have seen that row, so an empty claim is tried again.
      const endedBefore = ended;
      const free = Math.min(most - inFlight.size, this.options.batchSize);
      const claimed =
        failure === undefined && free > 0
          ? await this.outbox.claimDue(this.now(), free, this.options.leaseMs, lane.channels)
          : [];
      for (const row of claimed) {
        const delivery: Promise<void> = this.deliver(row)
          .then(
            (outcome) => void outcomes.push(outcome),
            (error: unknown) => void (failure ??= error),
          )
          .finally(() => {
            inFlight.delete(delivery);
            ended += 1;
          });
        inFlight.add(delivery);
      }
      if (inFlight.size === 0 && ended !== endedBefore && failure === undefined) continue;
      if (inFlight.size === 0) break;
      if (claimed.length === 0 || inFlight.size >= most) await Promise.race(inFlight);
    }
    if (failure !== undefined) throw failure;
    return outcomes;
  }

  /**
   * Every pollMs: the tick work (the grouper's flush, escalation), each piece followed by a
   * drain of each lane that is idle. A lane still working its backlog (an outage's inbox notices) neither
   * delays the next flush nor the other lane. Failures are logged, never thrown.
   */
  start(): void {
    if (this.timer) return;
    const tick = () => void this.tick();
    tick();
    this.timer = setInterval(tick, this.options.pollMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the work in progress, so the database can close. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.wakeTimer);
    this.timer = undefined;
    this.wakeTimer = undefined;
    this.wakeAt = undefined;
    await this.ticking;
    await Promise.all(this.draining.values());
  }

  private async tick(): Promise<void> {
    // A tick asked for while one runs (a group fell due during a long flush) runs right after it.
    if (this.ticking !== undefined) this.tickAgain = true;
    else {
      this.ticking = (async () => {
        // Each work's output (a flushed group's mail) is drained at once, not after the rest.
        for (const work of this.beforeRun) {
          await work(true);
          this.drainIdleLanes();
        }
      })()
        .catch((error: unknown) => this.logger.error(`outbox tick failed: ${(error as Error).message}`))
        .finally(() => {
          this.ticking = undefined;
          if (!this.tickAgain || this.timer === undefined) return;
          this.tickAgain = false;
          void this.tick();
        });
    }
    await this.ticking;
    this.drainIdleLanes();
  }

  /**
   * Ticks at `at` as well (a group's due time), so its messages do not wait up to pollMs for
   * the next tick. Only the earliest such time is kept; the ticks find any other.
   */
  tickAt(at: Date): void {
    if (this.timer === undefined || (this.wakeAt !== undefined && this.wakeAt <= at.getTime())) return;
    clearTimeout(this.wakeTimer);
    this.wakeAt = at.getTime();
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.wakeAt = undefined;
        void this.tick();
      },
      Math.max(0, at.getTime() - this.clock.now()),
    );
    this.wakeTimer.unref();
  }

  /** Starts a drain of each idle lane now, not at the next tick: work the flush just queued (its mails). */
  wake(): void {
    this.drainIdleLanes();
  }

  private drainIdleLanes(): void {
    for (const lane of LANES) this.drainLane(lane);
  }

  private drainLane(lane: Lane): void {
    if (this.timer === undefined) return;
    if (this.draining.has(lane)) {
      this.wokenWhileDraining.add(lane);
      return;
    }
    const drain = this.drain(lane)
      .catch((error: unknown) => this.logger.error(`outbox pass failed: ${(error as Error).message}`))
      .finally(() => {
        this.draining.delete(lane);
        // Rows queued while its last claim came back empty would wait for the next tick.
        if (this.wokenWhileDraining.delete(lane)) this.drainLane(lane);
      });
    this.draining.set(lane, drain);
  }

  private async deliver(row: ClaimedNotification): Promise<keyof WorkerRunResult> {
    const channel = this.channels.get(row.channel);
    try {
      if (!channel) throw new DeliveryError(`channel ${row.channel} is not configured`, true);
      await channel.send(row);
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await this.outbox.markSent(row, this.now());
    return 'sent';
  }

  private async recordFailure(row: ClaimedNotification, error: unknown): Promise<'retried' | 'failed'> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const permanent = error instanceof DeliveryError && error.permanent;
    const now = this.now();
    if (permanent || row.attempts >= this.options.retry.maxAttempts) {
      this.logger.warn(
        `notification ${row.id} (${row.channel}) failed after ${row.attempts} attempts: ${reason}`,
      );
      await this.outbox.markFailed(row, now, reason);
      return 'failed';
    }
    const retryAt = new Date(now.getTime() + retryDelayMs(this.options.retry, row.attempts));
    await this.outbox.markRetry(row, now, reason, retryAt);
    return 'retried';
  }

  private now(): Date {
    return new Date(this.clock.now());
  }
}

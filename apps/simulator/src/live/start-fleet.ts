import type { Fleet } from '../fleet/build-fleet';
import { DAY } from '../time';
import type { StatusInput, TerminalAction } from '../timeline/actions';
import { fleetTimeline } from '../timeline/fleet-timeline';
import { emptyStats, type FleetStats } from './fleet-stats';
import { linearTimeMap, restamp, type TimeMap } from './restamp';
import { TerminalConnection, type ConnectionSettings } from './terminal-connection';

export interface StartFleetOptions {
  brokerUrl: string;
  fleet: Fleet;
  /** MQTT 3.1.1 (4, default) or 5. */
  protocolVersion?: 4 | 5;
  /** Secret per terminal when device auth is on (username = terminal id). */
  passwordFor?: (terminalId: string) => string | undefined;
  /** Modelled seconds per real second; default 1. Timestamps stay on the real clock. */
  speed?: number;
  /** New connections per real second during ramp-up; default 100. */
  rampPerSecond?: number;
  /** Where modelled time starts; default fleet.now (faults are placed around it). */
  virtualStart?: number;
  /** How much modelled time to play before going idle; default 30 days. */
  virtualDays?: number;
  keepaliveS?: number;
  /** MQTT 5 session lifetime after a disconnect; default 1 day. */
  sessionExpiryS?: number;
  /** Give up when the broker has neither accepted nor refused a connection by then; default 10 s. */
  connectTimeoutMs?: number;
  onProgress?: (stats: FleetStats) => void;
  progressIntervalMs?: number;
}

export interface FleetHandle {
  stats(): FleetStats;
  /** Clean shutdown of every open session ("shutdown" status, then DISCONNECT). */
  stop(): Promise<void>;
}

export class BrokerUnreachableError extends Error {
  override readonly name = 'BrokerUnreachableError';
}

/** Above this many unacknowledged publishes the scheduler waits for the broker. */
const MAX_IN_FLIGHT = 5000;
/** The Last Will as most firmware registers it, exactly as PROTOCOL.md §1 shows it: undated. */
const LAST_WILL = { online: false, reason: 'lost' } as const;
/** A terminal with a fault already active at start stays online this long first, so the platform sees it fail. */
const ANNOUNCE_MS = 60_000;

/**
 * Runs the fleet against a broker: one MQTT session per terminal, publishing on the protocol
 * cadences, with faults playing out. Resolves once the broker has accepted a first session
 * (or no terminal needed one yet); rejects with BrokerUnreachableError when it refuses.
 */
export async function startFleet(options: StartFleetOptions): Promise<FleetHandle> {
  const run = new LiveRun(options);
  await run.ready;
  return { stats: () => run.snapshot(), stop: () => run.stop() };
}

class LiveRun {
  readonly ready: Promise<void>;
  private readonly speed: number;
  private readonly virtualStart: number;
  private readonly realStart = Date.now();
  private readonly toReal: TimeMap;
  private readonly stats: FleetStats;
  private readonly sessions = new Map<string, { connection: TerminalConnection; will: StatusInput }>();
  private readonly actions: Iterator<TerminalAction>;
  private readonly settings: Omit<ConnectionSettings, 'password'>;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private progressTimer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private settleReady!: { resolve: () => void; reject: (e: Error) => void; done: boolean };

  constructor(private readonly options: StartFleetOptions) {
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0 && this.speed <= 1_000_000)) throw new RangeError('speed must be > 0');
    const ramp = options.rampPerSecond ?? 100;
    if (!(ramp > 0)) throw new RangeError('rampPerSecond must be > 0');
    this.virtualStart = options.virtualStart ?? options.fleet.now;
    this.toReal = linearTimeMap(this.virtualStart, this.realStart, this.speed);
    this.stats = emptyStats(this.virtualStart);
    this.settings = {
      brokerUrl: options.brokerUrl,
      protocolVersion: options.protocolVersion ?? 4,
      keepaliveS: options.keepaliveS ?? 60,
      sessionExpiryS: options.sessionExpiryS ?? 86_400,
    };
    const window = {
      from: this.virtualStart,
      to: this.virtualStart + (options.virtualDays ?? 30) * DAY,
      announceMs: ANNOUNCE_MS,
    };
    this.actions = fleetTimeline(options.fleet.terminals, window, (i) => this.virtualStart + (i / ramp) * 1000 * this.speed);
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = { resolve, reject, done: false };
    });
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const timeout = setTimeout(() => this.failStart(`no answer from ${options.brokerUrl} within ${connectTimeoutMs} ms`), connectTimeoutMs);
    this.ready.then(() => clearTimeout(timeout), () => clearTimeout(timeout));
    if (options.onProgress) {
      const onProgress = options.onProgress;
      this.progressTimer = setInterval(() => onProgress(this.snapshot()), options.progressIntervalMs ?? 2000);
    }
    this.schedule();
  }

  snapshot(): FleetStats {
    const elapsedMs = Date.now() - this.realStart;
    return { ...this.stats, elapsedMs, virtualNow: Math.round(this.virtualStart + elapsedMs * this.speed) };
  }

  private failStart(reason: string): void {
    if (this.settleReady.done) return;
    this.settleReady.done = true;
    this.settleReady.reject(new BrokerUnreachableError(`cannot reach MQTT broker: ${reason}`));
    void this.stop();
  }

  private markReady(): void {
    if (this.settleReady.done) return;
    this.settleReady.done = true;
    this.settleReady.resolve();
  }

  /** Pulls actions in order and runs each when its real time comes. */
  private schedule(): void {
    if (this.stopped) return;
    let burst = 0;
    for (;;) {
      if (this.inFlight >= MAX_IN_FLIGHT) {
        this.drained = () => this.schedule();
        return;
      }
      const next = this.peek();
      if (!next) return this.markReady();
      const due = this.toReal(next.at);
      const wait = due - Date.now();
      // Yield to the event loop now and then so sockets keep flowing at high speed.
      // Nothing to connect before the first wait (every shop still closed): ready as it is.
      if (wait > 0 && this.sessions.size === 0) this.markReady();
      if (wait > 0 || ++burst > 500) {
        this.timer = setTimeout(() => this.schedule(), Math.max(0, wait));
        return;
      }
      this.pending = undefined;
      this.run(next);
    }
  }

  private pending: TerminalAction | undefined;
  private peek(): TerminalAction | undefined {
    if (!this.pending) {
      const next = this.actions.next();
      this.pending = next.done ? undefined : next.value;
    }
    return this.pending;
  }

  private run(action: TerminalAction): void {
    const tid = action.terminalId;
    switch (action.kind) {
      case 'connect': {
        const will = restamp(action.will, this.toReal);
        const connection = new TerminalConnection(
          tid,
          { ...this.settings, password: this.options.passwordFor?.(tid) },
          LAST_WILL,
          {
            onConnect: () => {
              this.stats.connected++;
              this.markReady();
            },
            onClose: (was) => {
              if (was) this.stats.connected--;
            },
            onError: (error) => this.onError(error, true),
          },
        );
        this.sessions.set(tid, { connection, will });
        this.publish(connection, 'status', restamp(action.status, this.toReal), true);
        return;
      }
      case 'publish': {
        const session = this.sessions.get(tid);
        if (session) this.publish(session.connection, action.channel, restamp(action.payload, this.toReal), action.retain);
        return;
      }
      case 'drop':
        this.sessions.get(tid)?.connection.drop();
        this.sessions.delete(tid);
        this.stats.drops++;
        return;
      case 'disconnect': {
        const session = this.sessions.get(tid);
        this.sessions.delete(tid);
        if (session) void session.connection.disconnect().then(() => this.stats.shutdowns++);
        return;
      }
    }
  }

  private publish(connection: TerminalConnection, channel: Parameters<TerminalConnection['publish']>[0], payload: object, retain: boolean): void {
    this.inFlight++;
    connection
      .publish(channel, payload, retain)
      .then(
        () => this.stats.published++,
        (error: Error) => this.onError(error, false),
      )
      .finally(() => {
        this.inFlight--;
        if (this.drained && this.inFlight < MAX_IN_FLIGHT / 2) {
          const resume = this.drained;
          this.drained = undefined;
          resume();
        }
      });
  }

  private onError(error: Error, duringConnect: boolean): void {
    this.stats.errors++;
    this.stats.lastError = error.message;
    if (duringConnect && this.stats.connected === 0) this.failStart(error.message);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.progressTimer);
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    const now = Date.now();
    await Promise.all(
      sessions.map(async ({ connection, will }) => {
        if (connection.connected) {
          // The will holds the status seq this session would use next.
          const status = { ts: restamp({ ts: will.ts ?? now }, () => now).ts, seq: will.seq, online: false, reason: 'shutdown' };
          await connection.publish('status', status, true).catch(() => undefined);
          this.stats.shutdowns++;
        }
        await connection.disconnect();
      }),
    );
  }
}

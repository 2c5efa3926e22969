import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type {
  EventSample,
  HeartbeatSample,
  PaperSample,
  SignalSample,
  SimSample,
  StatusSample,
  TerminalHistory,
  TerminalMeta,
} from '@fleet/telemetry/risk/history';
import { firstAtOrAfter } from '@fleet/telemetry/risk/normalize-history';
import {
  eventSample,
  heartbeatSample,
  paperSample,
  signalSample,
  simSample,
  txnSample,
} from './message-samples';
import { compactSignal } from './signal-compaction';
import { insertSample, trimBefore, upsertBucketed } from './sorted-series';
import { addTxnWindow, TXN_BUCKET_MS, txnHour, type TxnHour } from './txn-buckets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How much of each channel the detectors need (see libs/telemetry/src/risk notes). */
export const KEEP = {
  heartbeatsMs: 7 * DAY,
  signalMs: 48 * HOUR,
  /** Newest stretch of signal kept reading by reading; older hours become medians. */
  signalRawMs: 6 * HOUR,
  simMs: 3 * DAY,
  txnMs: DAY,
  eventsMs: 25 * HOUR,
  statusMs: DAY,
} as const;

/** Registry fields the engine uses for grouping (carrier × region) and link type. */
export interface TerminalRegistry {
  region?: string;
  comm?: TerminalMeta['comm'];
  registered: boolean;
}

/**
 * One terminal's compact history, kept in memory and updated message by message:
 * heartbeats and SIM readings one per hour, signal reading by reading for the last
 * hours and hourly medians before, transactions summed per hour, events and statuses as
 * they came, paper as its current run. Every array stays strictly sorted by ts.
 */
export class TerminalBuffer implements TerminalHistory {
  meta: TerminalMeta;
  heartbeats: HeartbeatSample[] = [];
  signal: SignalSample[] = [];
  sim: SimSample[] = [];
  paper: PaperSample[] = [];
  txn: TxnHour[] = [];
  events: EventSample[] = [];
  status: StatusSample[] = [];
  lastSeenAt?: number;
  /** Signal readings before this (hour-aligned) are hourly medians already. */
  signalCompactedTo = -Infinity;
  private signalLate = false;

  constructor(terminalId: string, registry: TerminalRegistry = { registered: false }) {
    this.meta = { terminalId, registered: registry.registered };
    this.setRegistry(registry);
  }

  setRegistry(registry: TerminalRegistry): void {
    this.meta.registered = registry.registered;
    if (registry.region !== undefined) this.meta.region = registry.region;
    if (registry.comm !== undefined && this.meta.comm === undefined) this.meta.comm = registry.comm;
  }

  apply(message: TelemetryMessage): void {
    switch (message.channel) {
      case 'heartbeat':
        upsertBucketed(this.heartbeats, heartbeatSample(message), HOUR);
        break;
      case 'signal':
        this.addSignal(signalSample(message));
        break;
      case 'sim':
        this.addSim(simSample(message), message.payload.carrier, message.payload.mccMnc);
        break;
      case 'paper':
        this.addPaper(paperSample(message));
        break;
      case 'txn':
        upsertBucketed<TxnHour>(this.txn, txnHour(txnSample(message)), TXN_BUCKET_MS, addTxnWindow);
        break;
      case 'event':
        this.addEvent(eventSample(message));
        break;
      case 'status': {
        // Its ts is when it took effect: the ingestor dated Last Wills (StatusTimeline).
        const { online, reason } = message.payload;
        const { ts } = message;
        insertSample(this.status, reason === undefined ? { ts, online } : { ts, online, reason });
        if (!online) return; // an offline status is no proof of life
        break;
      }
    }
    if (this.lastSeenAt === undefined || message.ts > this.lastSeenAt) this.lastSeenAt = message.ts;
  }

  addSignal(sample: SignalSample): void {
    // A late reading (back-fill, store-and-forward) in hours already reduced to medians is
    // kept and those hours are reduced again at the next trim.
    if (sample.ts < this.signalCompactedTo) this.signalLate = true;
    insertSample(this.signal, sample);
    this.meta.comm = this.signal[this.signal.length - 1]!.comm;
    if (sample.mccMnc !== undefined && sample === this.signal[this.signal.length - 1])
      this.meta.mccMnc = sample.mccMnc;
  }

  addSim(sample: SimSample, carrier?: string, mccMnc?: string): void {
    upsertBucketed(this.sim, sample, HOUR);
    if (sample !== this.sim[this.sim.length - 1]) return;
    if (carrier !== undefined) this.meta.carrier = carrier;
    if (mccMnc !== undefined && this.meta.mccMnc === undefined) this.meta.mccMnc = mccMnc;
  }

  /** Keeps the current run of equal statuses as [its first reading, the newest]. */
  addPaper(sample: PaperSample): void {
    const newest = this.paper[this.paper.length - 1];
    if (newest !== undefined && sample.ts <= newest.ts) {
      const first = this.paper[0]!;
      if (sample.status === first.status && sample.ts < first.ts) this.paper.unshift(sample);
      return;
    }
    if (newest === undefined || newest.status !== sample.status) this.paper.length = 0;
    else if (this.paper.length === 2) this.paper.pop();
    this.paper.push(sample);
    if (this.paper.length > 2) this.paper.splice(1, this.paper.length - 2);
  }

  /** Same ts and code is a redelivery; other events at the same instant are kept. */
  addEvent(sample: EventSample): void {
    const last = this.events[this.events.length - 1];
    if (last === undefined || sample.ts > last.ts) {
      this.events.push(sample);
      return;
    }
    let i = firstAtOrAfter(this.events, sample.ts);
    for (; i < this.events.length && this.events[i]!.ts === sample.ts; i++) {
      if (this.events[i]!.code === sample.code) {
        this.events[i] = sample;
        return;
      }
    }
    this.events.splice(i, 0, sample);
  }

  /** Drops what the detectors no longer look at and folds older signal into hourly medians. */
  trim(now: number): void {
    trimBefore(this.heartbeats, now - KEEP.heartbeatsMs, 1);
    trimBefore(this.signal, now - KEEP.signalMs, 1);
    trimBefore(this.sim, now - KEEP.simMs, 1);
    trimBefore(this.txn, now - KEEP.txnMs);
    trimBefore(this.events, now - KEEP.eventsMs);
    trimBefore(this.status, now - KEEP.statusMs, 1);
    const compactTo = Math.floor((now - KEEP.signalRawMs) / HOUR) * HOUR;
    if (compactTo > this.signalCompactedTo || this.signalLate) {
      const from = this.signalLate ? -Infinity : this.signalCompactedTo;
      this.signalCompactedTo = compactSignal(this.signal, from, Math.max(compactTo, this.signalCompactedTo));
      this.signalLate = false;
    }
  }
}

import type { FaultEffect } from '../faults/fault';
import type { TerminalProfile } from '../fleet/terminal-profile';
import { isMobile } from '../fleet/models';
import { hashUnit } from '../random';
import { DAY, MINUTE } from '../time';
import { gsmFields, lteFields } from './radio';
import type {
  LinkOutage,
  PaperStatus,
  PowerReading,
  SignalReading,
  SimReading,
  TerminalEvent,
  TxnCounts,
} from './readings';
import { trafficWeight } from './shop-hours';
import { txnEvents } from './txn-events';

export const SIGNAL_BUCKET_MS = 5 * MINUTE;
export const TXN_WINDOW_MS = 15 * MINUTE;

/**
 * One terminal's readings as pure functions of time: the profile's steady state bent by its faults.
 * Noise is keyed by (terminal, time bucket), so any two runs over the same instant agree.
 */
export class TerminalModel {
  readonly outages: readonly LinkOutage[];

  constructor(
    readonly profile: TerminalProfile,
    private readonly effects: readonly FaultEffect[],
  ) {
    this.outages = effects.flatMap((e) => e.outages ?? []);
  }

  signalAt(t: number): SignalReading {
    const p = this.profile;
    const bucket = Math.floor(t / SIGNAL_BUCKET_MS);
    const u = hashUnit(p.noiseKey, 11, bucket);
    let reading: SignalReading = { comm: p.comm };
    if (p.comm === '2g') {
      const unknown = hashUnit(p.noiseKey, 12, bucket) < p.csqUnknownShare;
      reading = { ...reading, ...gsmFields(unknown ? 99 : p.baseCsq + Math.round((u - 0.5) * 4)) };
    } else if (isMobile(p.comm)) {
      reading = { ...reading, ...lteFields(p.baseRsrpDbm + (u - 0.5) * 4, hashUnit(p.noiseKey, 13, bucket)) };
    } else if (p.comm === 'wifi') {
      reading.wifiRssiDbm = Math.round(p.baseWifiRssiDbm + (u - 0.5) * 6);
    } else if (p.comm === 'dialup') {
      reading.lineOk = true;
    }
    if (p.sim) reading = { ...reading, mccMnc: p.sim.mccMnc, cellId: p.cellId, lac: p.lac };
    return this.effects.reduce((r, e) => (e.signal ? e.signal(t, r) : r), reading);
  }

  simAt(t: number): SimReading | undefined {
    const sim = this.profile.sim;
    if (!sim) return undefined;
    const segment = sim.balance.findLast((s) => s.from <= t) ?? sim.balance[0];
    const balance = segment ? segment.balanceMb - (segment.burnMbPerDay * (t - segment.from)) / DAY : 0;
    const reading = { dataBalanceMb: Math.max(0, Math.round(balance * 10) / 10), expiresAt: sim.expiresAt };
    return this.effects.reduce((r, e) => (e.sim ? e.sim(t, r) : r), reading);
  }

  paperAt(t: number): PaperStatus {
    return this.effects.reduce<PaperStatus>((s, e) => (e.paper ? e.paper(t, s) : s), 'ok');
  }

  powerAt(t: number): PowerReading {
    const base: PowerReading = this.profile.hasBattery ? { power: 'mains', batteryPct: 100 } : { power: 'mains' };
    return this.effects.reduce((r, e) => (e.power ? e.power(t, r) : r), base);
  }

  /** Whether the shop is trading in the window starting at `windowStart` (then the terminal reports txn). */
  isTransacting(windowStart: number): boolean {
    return trafficWeight(this.profile.rhythm, this.profile.noiseKey, windowStart) > 0;
  }

  /** Counts over [windowStart, windowStart + 15 min). */
  txnWindow(windowStart: number): TxnCounts {
    const p = this.profile;
    const u = (salt: number) => hashUnit(p.noiseKey, salt, windowStart);
    const weight = trafficWeight(p.rhythm, p.noiseKey, windowStart);
    const attempts = Math.round(p.peakTxnPerHour * weight * 0.25 * (0.6 + 0.8 * u(21)));
    const declined = Math.round(attempts * p.declineRate * (0.5 + u(22)));
    const timeouts = u(23) < attempts * 0.004 ? 1 : 0;
    const base: TxnCounts = { approved: 0, declined, timeouts, reversals: timeouts, reversalFailed: 0, commErrors: 0 };
    const counts = this.effects.reduce((c, e) => (e.txn ? e.txn(windowStart, c, attempts) : c), base);
    const failed = counts.declined + counts.timeouts + counts.commErrors;
    return { ...counts, approved: Math.max(0, attempts - failed) };
  }

  /** Everything the terminal reports as an event in [from, to), time-ordered. */
  eventsIn(from: number, to: number): TerminalEvent[] {
    const events: TerminalEvent[] = [];
    for (let w = Math.floor(from / TXN_WINDOW_MS) * TXN_WINDOW_MS; w < to; w += TXN_WINDOW_MS) {
      if (!this.isTransacting(w)) continue;
      for (const event of txnEvents(this.profile.noiseKey, w, this.txnWindow(w), TXN_WINDOW_MS)) {
        if (event.at >= from && event.at < to) events.push(event);
      }
    }
    for (const effect of this.effects) events.push(...(effect.events?.(from, to) ?? []));
    return events.sort((a, b) => a.at - b.at);
  }

  /** Out-of-cadence publish times for a channel in [from, to). */
  changesIn(channel: 'signal' | 'sim' | 'paper', from: number, to: number): number[] {
    const times = this.effects.flatMap((e) => e.changes?.[channel] ?? []);
    if (channel === 'sim' && this.profile.sim) times.push(...this.profile.sim.balance.slice(1).map((s) => s.from + MINUTE));
    return times.filter((t) => t >= from && t < to).sort((a, b) => a - b);
  }
}

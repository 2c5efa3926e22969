import type { Channel } from '@fleet/telemetry/protocol/topics';
import type { TerminalModel } from '../model/terminal-model';
import { TXN_WINDOW_MS } from '../model/terminal-model';
import { HOUR, MINUTE, nextTick } from '../time';
import { eventBody, heartbeatBody, paperBody, signalBody, simBody, txnBody } from './payloads';

/** A message the terminal would send at t if it is up; the body is built only if it is. */
export interface Candidate {
  t: number;
  channel: Exclude<Channel, 'status'>;
  body: (uptimeS: number) => object | undefined;
}

const SIGNAL_EVERY_MS = 5 * MINUTE;

function ticks(from: number, to: number, phase: number, step: number): number[] {
  const out: number[] = [];
  for (let t = nextTick(from, phase, step); t < to; t += step) out.push(t);
  return out;
}

/** Everything on the protocol cadences (and out-of-cadence changes) with t in [from, to). */
export function candidatesIn(model: TerminalModel, from: number, to: number): Candidate[] {
  const p = model.profile;
  const out: Candidate[] = [];
  for (const t of ticks(from, to, p.phaseMs, p.heartbeatIntervalS * 1000)) {
    out.push({ t, channel: 'heartbeat', body: (uptimeS) => heartbeatBody(model, t, uptimeS) });
  }
  const signalTimes = [...ticks(from, to, p.phaseMs + 7_000, SIGNAL_EVERY_MS), ...model.changesIn('signal', from, to)];
  for (const t of signalTimes) out.push({ t, channel: 'signal', body: () => signalBody(model, t) });
  if (p.sim) {
    const simTimes = [...ticks(from, to, (p.phaseMs * 37) % HOUR, HOUR), ...model.changesIn('sim', from, to)];
    for (const t of simTimes) out.push({ t, channel: 'sim', body: () => simBody(model, t) });
  }
  const paperTimes = [...ticks(from, to, (p.phaseMs * 53) % HOUR, HOUR), ...model.changesIn('paper', from, to)];
  for (const t of paperTimes) out.push({ t, channel: 'paper', body: () => paperBody(model, t) });
  // Each 15-minute window is reported just after it closes, while the shop trades.
  const reportDelay = p.phaseMs % 30_000;
  for (const end of ticks(from - reportDelay, to - reportDelay, 0, TXN_WINDOW_MS)) {
    const windowStart = end - TXN_WINDOW_MS;
    if (!model.isTransacting(windowStart)) continue;
    out.push({ t: end + reportDelay, channel: 'txn', body: () => txnBody(model.txnWindow(windowStart), TXN_WINDOW_MS / 1000) });
  }
  for (const event of model.eventsIn(from, to)) out.push({ t: event.at, channel: 'event', body: () => eventBody(event) });
  return out;
}

import type { Channel } from '@fleet/telemetry/protocol/topics';
import type { TerminalModel } from '../model/terminal-model';
import { hash32, Rng } from '../random';
import { formatTs, HOUR } from '../time';
import type { StatusInput, TerminalAction } from './actions';
import { candidatesIn, type Candidate } from './candidates';
import { buildSegments, type Segment } from './segments';
import { TerminalState } from './terminal-state';

export interface TimelineWindow {
  from: number;
  to: number;
  /** See buildSegments: force this long online at the start (live runs). */
  announceMs?: number;
}

/** Firmware keeps at most this many messages while offline; the oldest go first. */
const BUFFER_LIMIT = 1000;
const DUPLICATE_SHARE = 0.08;
const CHUNK_MS = HOUR;

type Item = { t: number; transition: Segment; prev?: Segment } | { t: number; candidate: Candidate };

/**
 * One terminal's actions over [from, to), in the order of `at`. Walks hour by hour so a
 * 7-day history of a large fleet never sits in memory at once.
 */
export function* terminalTimeline(model: TerminalModel, window: TimelineWindow): Generator<TerminalAction> {
  const segments = buildSegments(model, window.from, window.to, window.announceMs);
  const walker = new Walker(model, window.from);
  let pending: TerminalAction[] = [];
  let segIndex = 0;
  for (let a = window.from; a < window.to; a = Math.floor(a / CHUNK_MS) * CHUNK_MS + CHUNK_MS) {
    const b = Math.min(window.to, Math.floor(a / CHUNK_MS) * CHUNK_MS + CHUNK_MS);
    const items: Item[] = [];
    while (segIndex < segments.length && (segments[segIndex] as Segment).from < b) {
      items.push({ t: (segments[segIndex] as Segment).from, transition: segments[segIndex] as Segment, prev: segments[segIndex - 1] });
      segIndex++;
    }
    for (const candidate of candidatesIn(model, a, b)) items.push({ t: candidate.t, candidate });
    // Transitions first at equal times, so a message at the instant of a drop is not sent.
    items.sort((x, y) => x.t - y.t || Number('candidate' in x) - Number('candidate' in y));
    for (const item of items) pending.push(...('transition' in item ? walker.transition(item.transition, item.prev) : walker.offer(item.candidate)));
    pending.sort((x, y) => x.at - y.at);
    const ready = pending.filter((action) => action.at < b);
    pending = pending.filter((action) => action.at >= b);
    yield* ready;
  }
  yield* pending;
}

class Walker {
  private readonly state: TerminalState;
  private mode: Segment['mode'] | undefined;
  private will: StatusInput | undefined;
  private readonly tid: string;

  constructor(
    private readonly model: TerminalModel,
    from: number,
  ) {
    this.state = new TerminalState(from);
    this.tid = model.profile.terminalId;
  }

  private ts(t: number): string | number {
    return formatTs(t, this.model.profile.tsFormat);
  }

  transition(segment: Segment, prev: Segment | undefined): TerminalAction[] {
    const t = segment.from;
    const out: TerminalAction[] = [];
    const was = this.mode;
    this.mode = segment.mode;
    if (segment.mode === 'off') {
      if (this.state.connected) out.push(...this.shutdown(t));
      return out;
    }
    const poweringOn = was === undefined || was === 'off';
    const rebooting = !poweringOn && prev?.rebootOnReturn === true && segment.mode === 'up';
    if (poweringOn || rebooting) this.state.boot(t);
    if (segment.mode === 'up' || segment.mode === 'silent') {
      if (!this.state.connected) out.push(this.connect(t));
      if (rebooting) out.push(this.publish(t + 5, 'event', { ts: this.ts(t), seq: this.state.nextSeq('event'), code: 'REBOOT', detail: 'modem watchdog restart' }));
      if (segment.mode === 'up') out.push(...this.flush(t));
    } else if (this.state.connected && this.will) {
      out.push({ kind: 'drop', at: t, terminalId: this.tid, will: this.will });
      this.state.nextSeq('status');
      this.state.connected = false;
    }
    return out;
  }

  offer(candidate: Candidate): TerminalAction[] {
    const mode = this.mode;
    if (mode !== 'up' && mode !== 'buffering') return [];
    // Stale heartbeats prove nothing, so firmware does not buffer them.
    if (mode === 'buffering' && candidate.channel === 'heartbeat') return [];
    const body = candidate.body(this.state.uptimeS(candidate.t));
    if (!body) return [];
    const payload = { ts: this.ts(candidate.t), seq: this.state.nextSeq(candidate.channel), ...body };
    if (mode === 'up') return [this.publish(candidate.t, candidate.channel, payload)];
    this.state.buffer.push({ channel: candidate.channel, payload });
    if (this.state.buffer.length > BUFFER_LIMIT) this.state.buffer.shift();
    return [];
  }

  private publish(at: number, channel: Channel, payload: object, retain = false): TerminalAction {
    return { kind: 'publish', at, terminalId: this.tid, channel, payload: payload as never, retain };
  }

  private connect(t: number): TerminalAction {
    const seq = this.state.nextSeq('status');
    const status: StatusInput = { ts: this.ts(t), seq, online: true };
    // The will is fixed at connect time, so it carries the connect time (+1 ms) and the next seq.
    this.will = { ts: this.ts(t + 1), seq: this.state.peekSeq('status'), online: false, reason: 'lost' };
    this.state.connected = true;
    return { kind: 'connect', at: t, terminalId: this.tid, status, will: this.will };
  }

  private shutdown(t: number): TerminalAction[] {
    const status: StatusInput = { ts: this.ts(t), seq: this.state.nextSeq('status'), online: false, reason: 'shutdown' };
    this.state.connected = false;
    return [this.publish(t, 'status', status, true), { kind: 'disconnect', at: t + 1, terminalId: this.tid }];
  }

  /** Store-and-forward: the buffer goes out late, shuffled, a few messages twice. */
  private flush(t: number): TerminalAction[] {
    if (this.state.buffer.length === 0) return [];
    const rng = new Rng(hash32(this.model.profile.noiseKey, t));
    const batch = rng.shuffle([...this.state.buffer]);
    for (const item of [...batch]) if (rng.chance(DUPLICATE_SHARE)) batch.splice(rng.int(0, batch.length), 0, item);
    this.state.buffer = [];
    return batch.map((item, i) => this.publish(t + 10 + 20 * i, item.channel, item.payload));
  }
}

import type { AlertOptions } from './alert-options';
import type { AlertSignal } from './alert-signals';

const MIN = 60_000;

/** A live (open or acknowledged) alert as the rules need it. */
export interface LiveAlert {
  id: string;
  key: string;
  /** Since when its cause has been gone, if it has. */
  clearSince?: number;
}

/** A resolved alert that its cause could still reopen. */
export interface ResolvedAlert {
  id: string;
  key: string;
  resolvedAt: number;
}

/** What the engine must write. */
export type AlertDecision =
  | { kind: 'open'; id: string; signal: AlertSignal }
  | { kind: 'reopen'; id: string; signal: AlertSignal }
  | { kind: 'clearing'; id: string; since: number }
  | { kind: 'recovered'; id: string }
  | { kind: 'resolve'; id: string; clearSince: number };

interface KeyState {
  live?: LiveAlert;
  resolved?: ResolvedAlert;
  /** The cause has been seen since `since`, last at `lastSeen`, with no alert live. */
  pending?: { since: number; lastSeen: number };
  /** Resolved by hand while its cause was still there: wait for the cause to go first. */
  latched?: boolean;
}

/**
 * The alert lifecycle's rules, pure: fed the current signals and the time, it says what
 * to open, reopen and resolve. Hysteresis per cause (AlertOptions.causes): a cause opens
 * an alert once seen for `raiseAfterMinutes` (gaps shorter than the clear hold do not
 * restart that count), and resolves it once gone for the clear hold, so a signal that
 * crosses its edge again and again is one alert. A cause back within the reopen window
 * reopens its resolved alert. Suppressed signals (incident members) count towards their
 * raise but open nothing until the incident ends.
 */
export class AlertRules {
  private readonly keys = new Map<string, KeyState>();
  private readonly keyById = new Map<string, string>();

  constructor(
    private readonly options: AlertOptions,
    private readonly newId: () => string,
  ) {}

  /** Starts from what the database holds (live alerts and recently resolved ones). */
  load(live: readonly LiveAlert[], resolved: readonly ResolvedAlert[]): void {
    this.keys.clear();
    this.keyById.clear();
    for (const r of resolved) this.resolvedAt(r.key, r);
    for (const l of live) {
      this.state(l.key).live = { ...l };
      this.keyById.set(l.id, l.key);
    }
  }

  /** An alert resolved by a person: its cause must go away before it can come back. */
  resolvedByHand(id: string, at: number): void {
    const key = this.keyById.get(id);
    if (key === undefined) return;
    const state = this.state(key);
    if (state.live?.id !== id) return;
    state.live = undefined;
    state.latched = true;
    this.resolvedAt(key, { id, key, resolvedAt: at });
  }

  evaluate(signals: readonly AlertSignal[], now: number): AlertDecision[] {
    const decisions: AlertDecision[] = [];
    const active = new Map(signals.map((s) => [s.key, s]));
    for (const signal of active.values()) this.present(signal, now, decisions);
    for (const [key, state] of this.keys) if (!active.has(key)) this.absent(key, state, now, decisions);
    return decisions;
  }

  /**
   * The earliest moment after `now` at which a cause seen so far completes its raise time,
   * so the engine can evaluate right then instead of at its next periodic run: a wave of
   * faults seen together then opens together, within one notification group wait.
   */
  nextRaiseAfter(now: number): number | undefined {
    let next: number | undefined;
    for (const [key, state] of this.keys) {
      if (state.pending === undefined || state.live !== undefined || state.latched === true) continue;
      const due = state.pending.since + this.timing(codeOf(key)).raiseAfterMinutes * MIN;
      if (due > now && (next === undefined || due < next)) next = due;
    }
    return next;
  }

  private present(signal: AlertSignal, now: number, out: AlertDecision[]): void {
    const state = this.state(signal.key);
    if (state.live) {
      if (state.live.clearSince !== undefined) {
        state.live.clearSince = undefined;
        out.push({ kind: 'recovered', id: state.live.id });
      }
      return;
    }
    if (state.latched) return;
    const hold = this.clearHoldMs(signal.code);
    if (state.pending === undefined || now - state.pending.lastSeen >= hold) {
      state.pending = { since: now, lastSeen: now };
    }
    state.pending.lastSeen = now;
    if (signal.suppressed) return;
    const raiseAfter = signal.released === true ? 0 : this.timing(signal.code).raiseAfterMinutes * MIN;
    if (now - state.pending.since < raiseAfter) return;
    state.pending = undefined;
    const reopenable =
      state.resolved !== undefined &&
      now - state.resolved.resolvedAt <= this.options.reopenWindowHours * 60 * MIN;
    const id = reopenable ? state.resolved!.id : this.newId();
    state.resolved = undefined;
    state.live = { id, key: signal.key };
    this.keyById.set(id, signal.key);
    out.push({ kind: reopenable ? 'reopen' : 'open', id, signal });
  }

  private absent(key: string, state: KeyState, now: number, out: AlertDecision[]): void {
    state.latched = false;
    if (state.live) {
      const live = state.live;
      if (live.clearSince === undefined) {
        live.clearSince = now;
        out.push({ kind: 'clearing', id: live.id, since: now });
      }
      if (now - live.clearSince >= this.clearHoldMs(codeOf(key))) {
        out.push({ kind: 'resolve', id: live.id, clearSince: live.clearSince });
        state.live = undefined;
        this.resolvedAt(key, { id: live.id, key, resolvedAt: now });
      }
      return;
    }
    if (state.pending && now - state.pending.lastSeen >= this.clearHoldMs(codeOf(key)))
      state.pending = undefined;
    const expired =
      state.resolved === undefined ||
      now - state.resolved.resolvedAt > this.options.reopenWindowHours * 60 * MIN;
    if (state.pending === undefined && expired) this.forget(key, state);
  }

  private resolvedAt(key: string, resolved: ResolvedAlert): void {
    this.state(key).resolved = resolved;
    this.keyById.set(resolved.id, key);
  }

  private forget(key: string, state: KeyState): void {
    if (state.resolved) this.keyById.delete(state.resolved.id);
    this.keys.delete(key);
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) this.keys.set(key, (state = {}));
    return state;
  }

  private timing(code: AlertSignal['code']) {
    return this.options.causes[code];
  }

  private clearHoldMs(code: AlertSignal['code']): number {
    return (this.timing(code).clearHoldMinutes ?? this.options.resolveHoldMinutes) * MIN;
  }
}

/** Keys end in their cause code (terminal keys) or carry it second (incident keys). */
function codeOf(key: string): AlertSignal['code'] {
  const parts = key.split(':');
  return (parts[0] === 'incident' ? parts[1] : parts[parts.length - 1]) as AlertSignal['code'];
}

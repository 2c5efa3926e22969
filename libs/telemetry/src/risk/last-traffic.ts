import type { TerminalHistory } from './history';

function lastTs(samples: ReadonlyArray<{ ts: number }>): number {
  // Arrays are sorted in the normal case; a max over the tail copes with slight disorder.
  let best = -Infinity;
  for (let i = samples.length - 1; i >= 0 && i >= samples.length - 8; i--) {
    if (samples[i]!.ts > best) best = samples[i]!.ts;
  }
  return best;
}

/** Latest proof of life: lastSeenAt or any message but an offline status; -Infinity if none. */
export function lastTrafficAt(history: TerminalHistory): number {
  let best = history.lastSeenAt ?? -Infinity;
  for (const samples of [
    history.heartbeats,
    history.signal,
    history.sim,
    history.paper,
    history.txn,
    history.events,
  ]) {
    const ts = lastTs(samples);
    if (ts > best) best = ts;
  }
  for (let i = history.status.length - 1; i >= 0; i--) {
    const s = history.status[i]!;
    if (s.online && s.ts > best) {
      best = s.ts;
      break;
    }
  }
  return best;
}

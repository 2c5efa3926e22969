import type { TerminalModel } from '../model/terminal-model';
import { powerOffIntervals } from '../model/shop-hours';

export type LinkMode = 'up' | 'off' | 'lost' | 'buffering' | 'silent';

export interface Segment {
  from: number;
  to: number;
  mode: LinkMode;
  /** Set on lost/buffering stretches after which the terminal reboots. */
  rebootOnReturn: boolean;
}

interface Interval {
  from: number;
  to: number;
  mode: LinkMode;
  priority: number;
  rebootOnReturn: boolean;
}

/**
 * Splits [from, to) into stretches of one link mode. A device fault beats the nightly
 * power-off (a dead terminal stays dead in the morning); the power-off beats a network outage.
 * `announceMs`: start with that long online even if a fault is already active, so a live run
 * shows the drop (and the broker publishes the Last Will) instead of never connecting.
 */
export function buildSegments(model: TerminalModel, from: number, to: number, announceMs = 0): Segment[] {
  const p = model.profile;
  const intervals: Interval[] = [
    ...powerOffIntervals(p.rhythm, p.noiseKey, from, to).map((i) => ({ ...i, mode: 'off' as const, priority: 2, rebootOnReturn: false })),
    ...model.outages.map((o) => ({
      from: o.from,
      to: o.to,
      mode: o.mode,
      priority: o.permanent ? 3 : 1,
      rebootOnReturn: o.rebootOnReturn ?? false,
    })),
  ].filter((i) => i.to > from && i.from < to);
  const atStart = intervals.filter((i) => i.from <= from && from < i.to).sort((x, y) => y.priority - x.priority)[0];
  if (announceMs > 0 && atStart && atStart.mode !== 'off') {
    intervals.push({ from, to: from + announceMs, mode: 'up', priority: 4, rebootOnReturn: false });
  }

  const edges = [...new Set([from, to, ...intervals.flatMap((i) => [i.from, i.to])])]
    .filter((e) => e >= from && e <= to)
    .sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k] as number;
    const b = edges[k + 1] as number;
    const mid = (a + b) / 2;
    const top = intervals
      .filter((i) => i.from <= mid && mid < i.to)
      .sort((x, y) => y.priority - x.priority)[0];
    const mode = top?.mode ?? 'up';
    const last = segments[segments.length - 1];
    if (last && last.mode === mode) {
      last.to = b;
      last.rebootOnReturn ||= top?.rebootOnReturn ?? false;
    } else segments.push({ from: a, to: b, mode, rebootOnReturn: top?.rebootOnReturn ?? false });
  }
  return segments;
}

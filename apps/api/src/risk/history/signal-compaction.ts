import type { SignalSample } from '@fleet/telemetry/risk/history';

const HOUR = 3_600_000;
const NUMERIC = ['rsrpDbm', 'rsrqDb', 'sinrDb', 'csq', 'rssiDbm', 'wifiRssiDbm'] as const;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * One hour of readings on one link type → one reading of per-metric medians, stamped with
 * the hour's newest ts. csq 99 (unknown) is left out of the median, never read as a level;
 * an hour with only unknown csq stays unknown. The line test fails when most tests failed.
 */
export function medianReading(group: readonly SignalSample[]): SignalSample {
  const newest = group[group.length - 1]!;
  const out: SignalSample = { ts: newest.ts, comm: newest.comm, mccMnc: newest.mccMnc };
  for (const key of NUMERIC) {
    const values: number[] = [];
    for (const s of group) {
      const v = s[key];
      if (v !== undefined && !(key === 'csq' && v === 99)) values.push(v);
    }
    const m = median(values);
    if (m !== undefined) out[key] = key === 'csq' ? Math.round(m) : m;
    else if (key === 'csq' && group.some((s) => s.csq === 99)) out.csq = 99;
  }
  const tests = group.filter((s) => s.lineOk !== undefined);
  if (tests.length > 0) out.lineOk = tests.filter((s) => s.lineOk === false).length * 2 <= tests.length;
  return out;
}

/**
 * Replaces the readings in [from, to) (hour-aligned) by hourly medians per link type, in
 * place, keeping the array sorted. Returns the new compaction boundary.
 */
export function compactSignal(samples: SignalSample[], from: number, to: number): number {
  const start = samples.findIndex((s) => s.ts >= from);
  if (start < 0) return to;
  let end = start;
  while (end < samples.length && samples[end]!.ts < to) end++;
  const compacted: SignalSample[] = [];
  let i = start;
  while (i < end) {
    const hour = Math.floor(samples[i]!.ts / HOUR);
    const byComm = new Map<string, SignalSample[]>();
    for (; i < end && Math.floor(samples[i]!.ts / HOUR) === hour; i++) {
      const s = samples[i]!;
      const group = byComm.get(s.comm);
      if (group === undefined) byComm.set(s.comm, [s]);
      else group.push(s);
    }
    const readings = [...byComm.values()].map(medianReading).sort((a, b) => a.ts - b.ts);
    compacted.push(...readings);
  }
  samples.splice(start, end - start, ...compacted);
  return to;
}

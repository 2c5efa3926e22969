/**
 * Live runs model time at `speed`× but must stamp messages with the real clock, or the
 * platform would reject them as from the future. This maps a modelled `ts` onto the real
 * clock, keeping the firmware's format and the lateness of buffered messages.
 */
export type TimeMap = (virtualMs: number) => number;

export function linearTimeMap(virtualStart: number, realStart: number, speed: number): TimeMap {
  return (v) => Math.round(realStart + (v - virtualStart) / speed);
}

export function restamp<T extends { ts?: string | number }>(payload: T, map: TimeMap): T {
  const ts = payload.ts;
  // A status may come undated (PROTOCOL.md §1); the platform dates it on receipt.
  if (ts === undefined) return payload;
  const virtual = typeof ts === 'number' ? ts : Date.parse(ts);
  const real = map(virtual);
  if (typeof ts === 'number') return { ...payload, ts: real };
  const offset = /([+-]\d{2}:?\d{2})$/.exec(ts)?.[1];
  if (!offset) return { ...payload, ts: new Date(real).toISOString() };
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
  const local = new Date(real + minutes * 60_000).toISOString().replace('Z', offset);
  return { ...payload, ts: local };
}

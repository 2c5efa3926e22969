/** Time helpers. Every simulated shop is in China (UTC+08:00, no daylight saving). */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const CHINA_OFFSET_MS = 8 * HOUR;

/** Start of the local (UTC+8) day containing t, as epoch ms. */
export function localDayStart(t: number): number {
  return Math.floor((t + CHINA_OFFSET_MS) / DAY) * DAY - CHINA_OFFSET_MS;
}

/** Local day number (days since epoch in UTC+8), used as a noise key. */
export function localDayIndex(t: number): number {
  return Math.floor((t + CHINA_OFFSET_MS) / DAY);
}

/** Fractional local hour of day, 0 ≤ h < 24. */
export function localHour(t: number): number {
  return (t - localDayStart(t)) / HOUR;
}

export type TsFormat = 'iso+08:00' | 'isoZ' | 'epochMs';

/** Renders a device timestamp the way a firmware family does. */
export function formatTs(t: number, format: TsFormat): string | number {
  switch (format) {
    case 'epochMs':
      return Math.round(t);
    case 'isoZ':
      return new Date(t).toISOString();
    case 'iso+08:00':
      return new Date(t + CHINA_OFFSET_MS).toISOString().replace('Z', '+08:00');
  }
}

/** The next multiple of `step` after `phase` that is ≥ t. */
export function nextTick(t: number, phase: number, step: number): number {
  return phase + Math.ceil((t - phase) / step) * step;
}

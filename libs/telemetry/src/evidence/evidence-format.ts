/** Numbers and spans as evidence sentences say them; the locale follows the reader's language. */
const DEFAULT_LOCALE = 'en-GB';

/** A measured value: grouped, with at most one decimal (the engine rounds to that already). */
export function formatNumber(value: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** Share of `part` in `whole`; an empty whole reads as a dash, not as NaN%. */
export function formatShare(part: number, whole: number, locale: string = DEFAULT_LOCALE): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return whole > 0 ? percent.format(part / whole) : '–';
}

export type DurationUnit = 'min' | 'h' | 'd';

/** A span the way an agent says it: minutes under 90 min, hours under 2 days, else days. */
export function roughDuration(ms: number): { amount: number; unit: DurationUnit } {
  const abs = Math.abs(ms);
  if (abs < 90 * 60_000) return { amount: Math.max(1, Math.round(abs / 60_000)), unit: 'min' };
  if (abs < 48 * 3_600_000) return { amount: Math.round(abs / 3_600_000), unit: 'h' };
  return { amount: Math.round(abs / 86_400_000), unit: 'd' };
}

/** Display formatting shared by every feature; the locale follows the chosen language. */
const DEFAULT_LOCALE = 'en-GB';

export function formatCount(value: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A measured value: grouped, with at most one decimal (the engine rounds to that already). */
export function formatNumber(value: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** Share of `part` in `whole`; an empty whole reads as a dash, not as NaN%. */
export function formatShare(part: number, whole: number, locale: string = DEFAULT_LOCALE): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return whole > 0 ? percent.format(part / whole) : '–';
}

const CLOCK_SKEW_MS = 5 * 60_000;

const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago" for an ISO time; "never" when absent and the raw text when unparseable. */
export function formatTimeAgo(
  iso: string | null | undefined,
  now: number = Date.now(),
  locale: string = DEFAULT_LOCALE,
  never = 'never',
): string {
  if (!iso) return never;
  const parsed = Date.parse(iso);
  if (Number.isNaN(parsed)) return iso;
  // Device clocks run a little ahead at times; a few minutes "in the future" reads as now.
  const at = parsed > now && parsed - now < CLOCK_SKEW_MS ? now : parsed;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let amount = Math.round((at - now) / 1000);
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(amount, unit);
    amount = Math.round(amount / size);
  }
  return relative.format(amount, 'day');
}

export function formatDateTime(iso: string | null | undefined, locale: string = DEFAULT_LOCALE): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string | null | undefined, locale: string = DEFAULT_LOCALE): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleDateString(locale, { dateStyle: 'medium' });
}

export type DurationUnit = 'min' | 'h' | 'd';

/** A span the way an agent says it: minutes under 90 min, hours under 2 days, else days. */
export function roughDuration(ms: number): { amount: number; unit: DurationUnit } {
  const abs = Math.abs(ms);
  if (abs < 90 * 60_000) return { amount: Math.max(1, Math.round(abs / 60_000)), unit: 'min' };
  if (abs < 48 * 3_600_000) return { amount: Math.round(abs / 3_600_000), unit: 'h' };
  return { amount: Math.round(abs / 86_400_000), unit: 'd' };
}

/** Display formatting shared by every feature; the locale follows the chosen language. */
const DEFAULT_LOCALE = 'en-GB';

export function formatCount(value: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

// Measured values, shares and rough spans are said as in the evidence sentences (libs/telemetry).
export {
  formatNumber,
  formatShare,
  roughDuration,
  type DurationUnit,
} from '@fleet/telemetry/evidence/evidence-format';

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

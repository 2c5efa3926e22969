import type { LossCause } from '@fleet/telemetry/api/reports';
import type { Translate } from '../../../lib/i18n/translate';
import { roughDuration } from '../../../lib/format';

/** A 0–1 share as a percentage with one decimal; a dash where the report has no figure. */
export function formatPercent(share: number | null, locale: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The change between two shares in percentage points, signed ("+1.2 pp"); none when either is missing. */
export function formatPointChange(
  now: number | null,
  before: number | null,
  locale: string,
): string | undefined {
  if (now === null || before === null) return undefined;
  const points = (now - before) * 100;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    points,
  );
}

/** Minutes as an agent says them: "45 min", "6 h", "3 days". */
export function formatMinutes(minutes: number | null, t: Translate): string {
  if (minutes === null) return '—';
  if (minutes === 0) return t('duration.min', { n: 0 });
  const { amount, unit } = roughDuration(minutes * 60_000);
  return t(`duration.${unit}`, { n: amount });
}

/** A cause of lost time: a cause code's name, or the shop switching its terminal off. */
export function lossCauseName(cause: LossCause, t: Translate): string {
  return cause === 'SHUTDOWN' ? t('reports.cause.SHUTDOWN') : t(`cause.${cause}`);
}

/** A local date (YYYY-MM-DD) as a day name: "7 Dec" (short) or "7 Dec 2026", whatever the browser's zone. */
export function formatDay(day: string, locale: string, style: 'short' | 'medium' = 'medium'): string {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  // The date is already the user's; read it back in UTC so no zone moves it a day.
  const parts: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { day: 'numeric', month: 'short' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
  return at.toLocaleDateString(locale, { ...parts, timeZone: 'UTC' });
}

// About what fits the 110 px category axis at 12 px: a Chinese character takes two units, a Latin one.
const AXIS_UNITS = 16;

/** A merchant name cut to fit the axis, on one line (recharts wraps at spaces); the tooltip has it whole. */
export function axisLabel(name: string): string {
  let units = 0;
  let cut = '';
  for (const char of name) {
    units += /[\u2e80-\uffef]/u.test(char) ? 2 : 1;
    if (units > AXIS_UNITS) return `${cut}…`.replace(/ /g, '\u00a0');
    cut += char;
  }
  return name.replace(/ /g, '\u00a0');
}

/** An instant as a clock in `timeZone` with its weekday ("Mon, 14 Dec 2026, 08:00"), not the browser's. */
export function formatInZone(iso: string, locale: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

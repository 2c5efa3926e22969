import type { MaintenanceWindowView } from '@fleet/telemetry/api/muting';
import { formatDateTime } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n/translate';

type Schedule = MaintenanceWindowView['schedule'];

/** `4 h`, `1 h 30 min`, `45 min`. */
export function durationInWords(minutes: number, t: Translate): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [
    ...(hours > 0 ? [t('duration.h', { n: hours })] : []),
    ...(rest > 0 || hours === 0 ? [t('duration.min', { n: rest })] : []),
  ].join(' ');
}

/** `Sat, Sun at 23:00 for 4 h`, or a one-off's start and end in the reader's locale. */
export function scheduleInWords(schedule: Schedule, t: Translate, locale: string): string {
  if (schedule.kind === 'once')
    return t('maintenance.onceSpan', {
      from: formatDateTime(schedule.startsAt, locale),
      to: formatDateTime(schedule.endsAt, locale),
    });
  const days = [...schedule.days]
    .sort((a, b) => a - b)
    .map((day) => t(`weekday.${day}` as Parameters<Translate>[0]))
    .join(', ');
  return t('maintenance.weeklySpan', {
    days,
    start: schedule.start,
    duration: durationInWords(schedule.durationMinutes, t),
  });
}

/** When the window is next in effect: now (until its end), a coming span, or never again. */
export function nextInWords(window: MaintenanceWindowView, t: Translate, locale: string): string {
  const next = window.nextOccurrence;
  if (next === null) return t('maintenance.over');
  if (window.activeNow) return t('maintenance.inEffectUntil', { time: formatDateTime(next.endsAt, locale) });
  return t('maintenance.onceSpan', {
    from: formatDateTime(next.startsAt, locale),
    to: formatDateTime(next.endsAt, locale),
  });
}

import type { ReportPeriod } from '@fleet/telemetry/api/reports';
import { addDays, daysBetween, localMidnightOf } from './zoned-time';

/** A report's period as instants, with the one of the same length just before it. */
export interface ResolvedPeriod {
  view: ReportPeriod;
  from: Date;
  to: Date;
  previousFrom: Date;
  previousTo: Date;
  days: number;
}

/** `[from, to)` local dates in `timeZone` as instants; the previous period has as many days. */
export function resolvePeriod(from: string, to: string, timeZone: string): ResolvedPeriod {
  const days = daysBetween(from, to);
  const previousFromDate = addDays(from, -days);
  const start = new Date(localMidnightOf(from, timeZone));
  const end = new Date(localMidnightOf(to, timeZone));
  const previousFrom = new Date(localMidnightOf(previousFromDate, timeZone));
  return {
    view: {
      from,
      to,
      timeZone,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      previousFrom: previousFromDate,
      previousTo: from,
    },
    from: start,
    to: end,
    previousFrom,
    previousTo: start,
    days,
  };
}

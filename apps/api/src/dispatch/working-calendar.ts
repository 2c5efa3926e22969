import type { ShopHours } from '@fleet/telemetry/api/muting';
import { DAY_MS, isoWeekday, localMidnight, minutesOfDay } from '../alerts/muting/china-time';
import type { BusinessHours } from './dispatch-options';

const MIN = 60_000;
/** Far enough to reach any SLA; a calendar with no working day at all ends the search here. */
const SEARCH_DAYS = 400;

/** One stretch of working time, [start, end) in epoch ms; `day` is the local midnight it started on. */
export interface WorkingWindow {
  day: number;
  start: number;
  end: number;
}

/**
 * When a merchant can be visited, in Asia/Shanghai: its shop hours every day where known
 * (a `close` before `open` runs past midnight and belongs to the day it opened; equal
 * times mean open all day), else the business hours on business days. Public holidays
 * are not modelled.
 */
export class WorkingCalendar {
  private constructor(private readonly windowOf: (midnight: number) => WorkingWindow | undefined) {}

  static of(shopHours: ShopHours | null | undefined, business: BusinessHours): WorkingCalendar {
    if (shopHours) {
      const open = minutesOfDay(shopHours.open) * MIN;
      const close = minutesOfDay(shopHours.close) * MIN;
      const length = close > open ? close - open : DAY_MS - open + close;
      return new WorkingCalendar((day) => ({ day, start: day + open, end: day + open + length }));
    }
    const open = minutesOfDay(business.open) * MIN;
    const close = minutesOfDay(business.close) * MIN;
    return new WorkingCalendar((day) =>
      business.days.includes(isoWeekday(day)) ? { day, start: day + open, end: day + close } : undefined,
    );
  }

  /** Working windows in order, starting with the one that holds `at` or the first after it. */
  *windowsFrom(at: number): Generator<WorkingWindow> {
    // From the day before: an overnight window that opened yesterday may still be running.
    const first = localMidnight(at) - DAY_MS;
    for (let i = 0; i <= SEARCH_DAYS; i++) {
      const window = this.windowOf(first + i * DAY_MS);
      if (window !== undefined && window.end > at) yield window;
    }
  }

  /** The instant `ms` of working time after `from`. */
  addWorkingTime(from: number, ms: number): number {
    let left = ms;
    for (const window of this.windowsFrom(from)) {
      const start = Math.max(from, window.start);
      if (left <= window.end - start) return start + left;
      left -= window.end - start;
    }
    throw new Error('the working calendar has no working time');
  }

  /** Working time within [from, to). */
  workingTimeBetween(from: number, to: number): number {
    let total = 0;
    for (const window of this.windowsFrom(from)) {
      if (window.start >= to) break;
      total += Math.min(to, window.end) - Math.max(from, window.start);
    }
    return total;
  }

  /**
   * The end of the `n`-th business day after the one holding `at` (the day whose window
   * holds it, else its local day): 1 is the next business day.
   */
  endOfBusinessDay(at: number, n: number): number {
    let today = localMidnight(at);
    let count = 0;
    for (const window of this.windowsFrom(at)) {
      if (window.start <= at) {
        today = window.day;
        continue;
      }
      if (window.day <= today) continue;
      count += 1;
      if (count === n) return window.end;
    }
    throw new Error('the working calendar has no working time');
  }
}

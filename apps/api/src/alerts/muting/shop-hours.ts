import type { ShopHours } from '@fleet/telemetry/api/muting';
import { localMidnight, minutesOfDay } from './china-time';

const MIN = 60_000;

/**
 * Whether the shop is closed at `at` (local time in Asia/Shanghai): open from `open`
 * (inclusive) to `close` (exclusive); a `close` before `open` is past midnight, so
 * 18:00–02:00 is open at 01:00 and closed at 03:00.
 */
export function shopClosed(hours: ShopHours, at: number): boolean {
  const minute = Math.floor((at - localMidnight(at)) / MIN);
  const open = minutesOfDay(hours.open);
  const close = minutesOfDay(hours.close);
  const isOpen = open < close ? minute >= open && minute < close : minute >= open || minute < close;
  return !isOpen;
}

/**
 * OFFLINE signals of terminals whose shop is closed now, marked suppressed: they count
 * towards their raise time but open nothing, so a terminal still down when its shop
 * should have opened is alerted then, at once. Other causes are untouched.
 */
export function holdClosedShops<S extends { code: string; terminalId?: string; suppressed: boolean }>(
  signals: readonly S[],
  hoursOf: ReadonlyMap<string, ShopHours>,
  at: number,
): S[] {
  return signals.map((signal) => {
    if (signal.code !== 'OFFLINE' || signal.terminalId === undefined || signal.suppressed) return signal;
    const hours = hoursOf.get(signal.terminalId);
    return hours !== undefined && shopClosed(hours, at) ? { ...signal, suppressed: true } : signal;
  });
}

import { describe, expect, it } from 'vitest';
import { terminalSignal } from '../testing/alert-signal-factory';
import { holdClosedShops, shopClosed } from './shop-hours';

const local = (text: string) => Date.parse(`${text}+08:00`);

describe('shop hours in Asia/Shanghai', () => {
  const day = { open: '09:00', close: '22:00' };

  it('is open from opening time up to closing time', () => {
    expect(shopClosed(day, local('2026-12-07T08:59'))).toBe(true);
    expect(shopClosed(day, local('2026-12-07T09:00'))).toBe(false);
    expect(shopClosed(day, local('2026-12-07T21:59'))).toBe(false);
    expect(shopClosed(day, local('2026-12-07T22:00'))).toBe(true);
    expect(shopClosed(day, local('2026-12-08T03:00'))).toBe(true);
  });

  it('reads the hours as China time: 02:00 UTC is 10:00 in Shanghai', () => {
    expect(shopClosed(day, Date.parse('2026-12-07T02:00:00Z'))).toBe(false);
    expect(shopClosed(day, Date.parse('2026-12-07T15:00:00Z'))).toBe(true);
  });

  it('keeps a night shop open past midnight', () => {
    const night = { open: '18:00', close: '02:00' };
    expect(shopClosed(night, local('2026-12-07T17:59'))).toBe(true);
    expect(shopClosed(night, local('2026-12-07T23:00'))).toBe(false);
    expect(shopClosed(night, local('2026-12-08T01:59'))).toBe(false);
    expect(shopClosed(night, local('2026-12-08T02:00'))).toBe(true);
  });

  it('holds back OFFLINE of a closed shop only, and lets it through once the shop should be open', () => {
    const hours = new Map([['T-1', day]]);
    const signals = [
      terminalSignal('T-1', 'OFFLINE'),
      terminalSignal('T-1', 'PAPER_OUT'),
      terminalSignal('T-2', 'OFFLINE'),
    ];
    const night = holdClosedShops(signals, hours, local('2026-12-07T23:30'));
    expect(night.map((s) => [s.terminalId, s.code, s.suppressed])).toEqual([
      ['T-1', 'OFFLINE', true],
      ['T-1', 'PAPER_OUT', false],
      ['T-2', 'OFFLINE', false],
    ]);
    const morning = holdClosedShops(signals, hours, local('2026-12-08T09:00'));
    expect(morning.every((s) => !s.suppressed)).toBe(true);
  });
});

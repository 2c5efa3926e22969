import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatShare, formatTimeAgo, roughDuration } from './format';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('format', () => {
  it('groups thousands and shows shares with one decimal', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatShare(2, 3)).toBe('66.7%');
    expect(formatShare(0, 0)).toBe('–');
  });

  it('shows measured values with at most one decimal', () => {
    expect(formatNumber(-114.5)).toBe('-114.5');
    expect(formatNumber(2048)).toBe('2,048');
    expect(formatNumber(12.34, 'zh-CN')).toBe('12.3');
  });

  it('says how long ago an ISO time was, in the largest whole unit', () => {
    expect(formatTimeAgo('2025-03-01T11:59:30Z', NOW)).toBe('30 seconds ago');
    expect(formatTimeAgo('2025-03-01T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatTimeAgo('2025-03-01T09:00:00+00:00', NOW)).toBe('3 hours ago');
    expect(formatTimeAgo('2025-02-26T12:00:00Z', NOW)).toBe('3 days ago');
  });

  it('reads a time a little ahead of this clock as now', () => {
    expect(formatTimeAgo('2025-03-01T12:00:03Z', NOW)).toBe('now');
    expect(formatTimeAgo('2025-03-01T13:00:00Z', NOW)).toBe('in 1 hour');
  });

  it('speaks the chosen language', () => {
    expect(formatTimeAgo('2025-03-01T09:00:00Z', NOW, 'zh-CN')).toBe('3小时前');
  });

  it('handles a missing or unreadable time without crashing', () => {
    expect(formatTimeAgo(null, NOW)).toBe('never');
    expect(formatTimeAgo(null, NOW, 'zh-CN', '从未')).toBe('从未');
    expect(formatTimeAgo('yesterday-ish', NOW)).toBe('yesterday-ish');
  });

  it('rounds spans to the unit an agent would use', () => {
    expect(roughDuration(31 * 3_600_000 + 20 * 60_000)).toEqual({ amount: 31, unit: 'h' });
    expect(roughDuration(-25 * 60_000)).toEqual({ amount: 25, unit: 'min' });
    expect(roughDuration(5 * 86_400_000)).toEqual({ amount: 5, unit: 'd' });
  });
});

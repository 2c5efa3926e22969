import { describe, expect, it } from 'vitest';
import { formatCount, formatShare, formatTimeAgo } from './format';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('format', () => {
  it('groups thousands and shows shares with one decimal', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatShare(2, 3)).toBe('66.7%');
    expect(formatShare(0, 0)).toBe('–');
  });

  it('says how long ago an ISO time was, in the largest whole unit', () => {
    expect(formatTimeAgo('2025-03-01T11:59:30Z', NOW)).toBe('30 seconds ago');
    expect(formatTimeAgo('2025-03-01T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatTimeAgo('2025-03-01T09:00:00+00:00', NOW)).toBe('3 hours ago');
    expect(formatTimeAgo('2025-02-26T12:00:00Z', NOW)).toBe('3 days ago');
  });

  it('handles a missing or unreadable time without crashing', () => {
    expect(formatTimeAgo(null, NOW)).toBe('never');
    expect(formatTimeAgo('yesterday-ish', NOW)).toBe('yesterday-ish');
  });
});

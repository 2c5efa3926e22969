import { describe, expect, it } from 'vitest';
import { axisLabel, formatDay, formatPercent, formatPointChange } from './report-format';

describe('report formatting', () => {
  it('writes shares as percentages and says nothing where the report has no figure', () => {
    expect(formatPercent(0.875, 'en-GB')).toBe('87.5%');
    expect(formatPercent(null, 'en-GB')).toBe('—');
  });

  it('signs the change in percentage points against the previous period', () => {
    expect(formatPointChange(0.9, 0.95, 'en-GB')).toBe('-5');
    expect(formatPointChange(0.944, 0.932, 'en-GB')).toBe('+1.2');
    expect(formatPointChange(0.9, null, 'en-GB')).toBeUndefined();
  });

  it('reads a local date back as that same day in any browser zone', () => {
    expect(formatDay('2026-12-07', 'en-GB')).toBe('7 Dec 2026');
    expect(formatDay('2026-12-07', 'en-GB', 'short')).toBe('7 Dec');
  });

  it('cuts a long merchant name to the axis, counting Chinese characters double, on one line', () => {
    expect(axisLabel('老王便利店, "朝阳"店')).toBe('老王便利店,\u00a0"朝…');
    expect(axisLabel('Tea House')).toBe('Tea\u00a0House');
    expect(axisLabel('The Very Long Coffee Roasters')).toBe('The\u00a0Very\u00a0Long\u00a0Co…');
  });
});

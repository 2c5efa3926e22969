import { describe, expect, it } from 'vitest';
import { reportFilename } from './report-filename';

const WEEK = { from: '2026-11-30', to: '2026-12-07' };

describe('reportFilename', () => {
  it('names the merchant, the days the report covers and its language', () => {
    expect(reportFilename('华联便利店(上海)', WEEK, 'zh-CN', 'pdf')).toBe(
      '华联便利店(上海)_2026-11-30_2026-12-06_zh-CN.pdf',
    );
  });

  it('names a portfolio when no single merchant was chosen, in the language of the file', () => {
    expect(reportFilename(undefined, WEEK, 'en', 'csv')).toBe('portfolio_2026-11-30_2026-12-06_en.csv');
    expect(reportFilename(undefined, WEEK, 'zh-CN', 'csv')).toBe('全部商户_2026-11-30_2026-12-06_zh-CN.csv');
  });

  it('keeps slashes, quotes and line breaks of a merchant name out of the file name', () => {
    expect(reportFilename('Tea / "Coffee"\nHouse', WEEK, 'en', 'pdf')).toBe(
      'Tea-Coffee-House_2026-11-30_2026-12-06_en.pdf',
    );
  });
});

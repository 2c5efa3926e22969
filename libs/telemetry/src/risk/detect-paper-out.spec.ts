import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectPaperOut } from './detect-paper-out';
import type { EventSample, PaperSample } from './history';
import { event, HOUR, makeHistory, MINUTE, NOW } from './fixtures/make-history';

const detect = (paper: PaperSample[], events: EventSample[] = []) =>
  detectPaperOut(makeHistory({ paper, events }), NOW, DEFAULT_RISK_CONFIG);

describe('detectPaperOut', () => {
  it('scores out and jam above cover open above low', () => {
    const score = (status: PaperSample['status']) => detect([{ ts: NOW - HOUR, status }])?.score ?? 0;
    expect(score('out')).toBeGreaterThan(score('cover_open'));
    expect(score('jam')).toBeGreaterThan(score('cover_open'));
    expect(score('cover_open')).toBeGreaterThan(score('low'));
    expect(score('low')).toBeGreaterThanOrEqual(50);
    expect(score('ok')).toBe(0);
  });

  it('reports how long the printer has been in that state', () => {
    const cause = detect([
      { ts: NOW - 5 * HOUR, status: 'low' },
      { ts: NOW - 3 * HOUR, status: 'out' },
      { ts: NOW - 2 * HOUR, status: 'out' },
    ]);
    expect(cause?.evidence).toBe('out of paper for ~3 h');
  });

  it('follows the latest status, not the worst', () => {
    expect(
      detect([
        { ts: NOW - 2 * HOUR, status: 'out' },
        { ts: NOW - HOUR, status: 'ok' },
      ]),
    ).toBeUndefined();
  });

  it('takes a PAPER_OUT event newer than the last status report', () => {
    const cause = detect([{ ts: NOW - HOUR, status: 'ok' }], [event(NOW - 10 * MINUTE, 'PAPER_OUT')]);
    expect(cause?.evidenceData.status).toBe('out');
    expect(detect([{ ts: NOW - HOUR, status: 'ok' }], [event(NOW - 2 * HOUR, 'PAPER_OUT')])).toBeUndefined();
  });
});

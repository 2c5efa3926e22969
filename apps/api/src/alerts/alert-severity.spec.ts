import { describe, expect, it } from 'vitest';
import { severityFor } from './alert-severity';

describe('severityFor', () => {
  it('gives an incident critical whatever its score', () => {
    expect(severityFor('CARRIER_OUTAGE', 10)).toBe('critical');
  });

  it('keeps the cause floor when the score is low', () => {
    expect(severityFor('OFFLINE', 20)).toBe('major');
    expect(severityFor('PAPER_OUT', 20)).toBe('warning');
  });

  it('raises the severity with the score', () => {
    expect(severityFor('SIM_DATA_EXHAUSTION', 95)).toBe('critical');
    expect(severityFor('PAPER_OUT', 75)).toBe('major');
    expect(severityFor('WEAK_SIGNAL', 45)).toBe('minor');
  });
});

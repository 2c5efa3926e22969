import { describe, expect, it } from 'vitest';
import { buildFleet } from '../fleet/build-fleet';
import { HOUR, localDayStart, MINUTE } from '../time';
import { buildSegments } from './segments';

describe('buildSegments', () => {
  const noon = localDayStart(Date.parse('2025-03-10T04:00:00Z')) + 12 * HOUR;
  const fleet = buildFleet({ size: 60, seed: 9, now: noon, faultShare: 0.4 });
  const withFault = (kind: string) => fleet.terminals.find((t) => t.faults.some((f) => f.label.kind === kind));

  it('announces a terminal that is already lost at the start of a live run, then drops it', () => {
    const lost = withFault('connection_lost');
    const segments = buildSegments(lost!.model, noon, noon + HOUR, MINUTE);
    expect(segments.map((s) => s.mode)).toEqual(['up', 'lost']);
    expect(segments[1]?.from).toBe(noon + MINUTE);
  });

  it('does not wake a terminal that is switched off for the night', () => {
    const night = fleet.terminals.find((t) => t.profile.rhythm.powersOffAtNight && t.faults.every((f) => f.label.hardNegative || f.label.kind === 'host_maintenance'));
    const midnight = localDayStart(noon) + 24 * HOUR;
    expect(buildSegments(night!.model, midnight, midnight + HOUR, MINUTE).map((s) => s.mode)).toEqual(['off']);
  });

  it('keeps a dead terminal dead through the night', () => {
    const lost = withFault('connection_lost')!;
    const modes = buildSegments(lost.model, noon - 3 * 24 * HOUR, noon + 24 * HOUR).map((s) => s.mode);
    expect(modes.at(-1)).toBe('lost');
  });
});

import { describe, expect, it } from 'vitest';
import type { Incident } from '@fleet/telemetry/risk/incident';
import { trackIncidents, type OpenIncident } from './incident-tracker';

const outage = (id: string, members: string[], startedAt = 1000): Incident => ({
  id,
  code: 'CARRIER_OUTAGE',
  key: { mccMnc: '46000', region: 'north' },
  startedAt,
  memberIds: members,
});
const stored = (id: string, members: string[]): OpenIncident => ({
  id,
  code: 'CARRIER_OUTAGE',
  mccMnc: '46000',
  region: 'north',
  memberIds: members,
});

describe('trackIncidents', () => {
  it('opens new incidents', () => {
    const changes = trackIncidents([], [outage('a', ['T1', 'T2'])]);
    expect(changes.upserts.map((i) => i.id)).toEqual(['a']);
    expect(changes.ended).toEqual([]);
  });

  it('keeps the stored id of the same area when the detected start moves', () => {
    const changes = trackIncidents([stored('a', ['T1', 'T2'])], [outage('b', ['T0', 'T1', 'T2'], 900)]);
    expect(changes.current.map((i) => i.id)).toEqual(['a']);
    expect(changes.upserts).toEqual([expect.objectContaining({ id: 'a', memberIds: ['T0', 'T1', 'T2'] })]);
  });

  it('writes nothing when members are unchanged, and ends what is gone', () => {
    expect(trackIncidents([stored('a', ['T2', 'T1'])], [outage('a', ['T1', 'T2'])]).upserts).toEqual([]);
    expect(trackIncidents([stored('a', ['T1'])], []).ended).toEqual(['a']);
  });
});

import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { TERMINAL_ID_PATTERN } from '@fleet/telemetry/protocol/topics';
import { describe, expect, it } from 'vitest';
import { DEVICE_FAULTS } from '../faults/registry';
import { DAY, HOUR } from '../time';
import { buildFleet } from './build-fleet';
import { expectedCausesAt } from './labels';

const now = Date.parse('2025-03-10T04:00:00Z'); // 12:00 in China

describe('buildFleet', () => {
  it('is reproducible: same seed, same fleet; another seed, another fleet', () => {
    const a = buildFleet({ size: 50, seed: 11, now });
    const b = buildFleet({ size: 50, seed: 11, now });
    const c = buildFleet({ size: 50, seed: 12, now });
    expect(JSON.stringify(a.importRows)).toBe(JSON.stringify(b.importRows));
    expect(JSON.stringify(a.labels)).toBe(JSON.stringify(b.labels));
    expect(JSON.stringify(a.importRows)).not.toBe(JSON.stringify(c.importRows));
  });

  it('gives every terminal a valid, unique id with the prefix and an import row', () => {
    const fleet = buildFleet({ size: 120, seed: 3, now, idPrefix: 'SIM-' });
    const ids = fleet.importRows.map((r) => r.terminalId);
    expect(new Set(ids).size).toBe(120);
    for (const row of fleet.importRows) {
      expect(row.terminalId).toMatch(TERMINAL_ID_PATTERN);
      expect(row.terminalId.startsWith('SIM-')).toBe(true);
      expect(row.lat).toBeGreaterThan(18);
      expect(row.lat).toBeLessThan(45);
      expect(row.merchantName.length).toBeGreaterThan(0);
    }
  });

  it('mixes link types, mostly 4G, and gives mobile terminals a Chinese carrier', () => {
    const fleet = buildFleet({ size: 1000, seed: 5, now, faultShare: 0 });
    const comms = new Map<string, number>();
    for (const t of fleet.terminals) comms.set(t.profile.comm, (comms.get(t.profile.comm) ?? 0) + 1);
    expect(comms.get('4g')).toBeGreaterThan(500);
    for (const comm of ['2g', 'wifi', 'ethernet', 'dialup']) expect(comms.get(comm), comm).toBeGreaterThan(10);
    const mobile = fleet.terminals.filter((t) => t.profile.comm === '4g' || t.profile.comm === '2g');
    expect(mobile.every((t) => ['46000', '46001', '46002', '46011'].includes(t.profile.sim?.mccMnc ?? ''))).toBe(true);
  });

  it('injects every device fault kind once the fleet is large enough', () => {
    const fleet = buildFleet({ size: 60, seed: 9, now, faultShare: 0.4 });
    const kinds = new Set(fleet.labels.flatMap((l) => l.faults.map((f) => f.kind)));
    for (const [plugin] of DEVICE_FAULTS) expect(kinds, plugin.kind).toContain(plugin.kind);
    expect(kinds).toContain('carrier_outage');
    expect(kinds).toContain('host_maintenance');
    expect(kinds).toContain('nightly_shutdown');
  });

  it('labels consistently: hard negatives expect nothing, causes are protocol codes, expected causes match', () => {
    const fleet = buildFleet({ size: 200, seed: 21, now, faultShare: 0.5 });
    for (const label of fleet.labels) {
      for (const fault of label.faults) {
        if (fault.hardNegative) expect(fault.causes, fault.kind).toEqual([]);
        else expect(fault.causes.length, fault.kind).toBeGreaterThan(0);
        for (const cause of fault.causes) expect(CAUSE_CODES).toContain(cause);
        if (fault.endsAt !== undefined) expect(fault.endsAt).toBeGreaterThan(fault.onsetAt);
      }
      expect(label.expectedCauses).toEqual(expectedCausesAt(label.faults, now));
    }
    const healthy = fleet.labels.filter((l) => l.faults.every((f) => f.hardNegative || f.kind === 'host_maintenance'));
    expect(healthy.length).toBeGreaterThan(50);
    expect(healthy.every((l) => l.expectedCauses.length === 0)).toBe(true);
  });

  it('places forecast failures inside the 72 h horizon', () => {
    const fleet = buildFleet({ size: 300, seed: 4, now, faultShare: 0.6 });
    const forecasts = fleet.labels.flatMap((l) => l.faults).filter((f) => f.kind === 'sim_data_exhaustion' || f.kind === 'sim_expiry');
    expect(forecasts.length).toBeGreaterThan(5);
    for (const f of forecasts) {
      expect(f.failureAt).toBeGreaterThan(now);
      expect(f.failureAt).toBeLessThanOrEqual(now + 72 * HOUR);
    }
  });

  it('drops one carrier in one city for the outage', () => {
    const fleet = buildFleet({ size: 400, seed: 8, now });
    const outage = fleet.incidents.carrierOutage;
    expect(outage?.terminalIds.length).toBeGreaterThan(3);
    const hit = fleet.terminals.filter((t) => outage?.terminalIds.includes(t.profile.terminalId));
    expect(new Set(hit.map((t) => `${t.profile.sim?.mccMnc}/${t.profile.region}`)).size).toBe(1);
    expect((outage?.endAt ?? 0) - (outage?.startAt ?? 0)).toBeGreaterThanOrEqual(4 * HOUR);
    expect(outage?.startAt).toBeGreaterThan(now - 2 * DAY);
  });

  it('rejects bad options with a clear error', () => {
    expect(() => buildFleet({ size: -1, seed: 1 })).toThrow(/size/);
    expect(() => buildFleet({ size: 1, seed: 1.5 })).toThrow(/seed/);
    expect(() => buildFleet({ size: 1, seed: 1, faultShare: 2 })).toThrow(/faultShare/);
    expect(() => buildFleet({ size: 1, seed: 1, idPrefix: 'a/b' })).toThrow(/idPrefix/);
  });
});

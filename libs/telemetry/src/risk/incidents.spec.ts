import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { failSome, makeFleet } from './fixtures/make-fleet';
import { DAY, HOUR, MINUTE, NOW } from './fixtures/make-history';
import type { IncidentCandidate } from './incident-candidate';
import { detectIncidents } from './incidents';

const detect = (fleet: ReturnType<typeof makeFleet>) => detectIncidents(fleet, NOW, DEFAULT_RISK_CONFIG);
const start = NOW - 2 * HOUR;
/** Drops spread over a few minutes, as an outage takes terminals down. */
const within = (minutes: number) => (i: number) => start + ((i * 37) % minutes) * MINUTE;

describe('detectIncidents', () => {
  it('groups one carrier dropping across every region into one outage', () => {
    const fleet = failSome(
      makeFleet(),
      (t) => t.mccMnc === '46001' && !t.terminalId.endsWith('-3'),
      within(8),
    );
    const incidents = detect(fleet);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      code: 'CARRIER_OUTAGE',
      key: { mccMnc: '46001' },
      startedAt: start,
    });
    expect(incidents[0]!.key.region).toBeUndefined();
    expect(incidents[0]!.memberIds).toHaveLength(95);
    expect(incidents[0]!.id).toBe('CARRIER_OUTAGE:46001:*:2024-03-06T10:00Z');
  });

  it('waits until the drops have lasted confirmMs, so a reconnect storm is no outage', () => {
    const { confirmMs } = DEFAULT_RISK_CONFIG.incidents;
    const dropped = (at: number) =>
      failSome(
        makeFleet(),
        (t) => t.mccMnc === '46001',
        (i) => at - (i % 5) * 1000,
      );
    // Every link dropped 5 s before the last of them; still within the storm's seconds.
    expect(detect(dropped(NOW - confirmMs + 5000))).toEqual([]);
    // Down since the confirmation delay: an outage.
    expect(detect(dropped(NOW - confirmMs)).map((i) => i.code)).toEqual(['CARRIER_OUTAGE']);
  });

  it('keys an outage of one carrier in one area by both', () => {
    const fleet = failSome(makeFleet(), (t) => t.mccMnc === '46000' && t.region === 'south', within(5));
    expect(detect(fleet).map((i) => i.key)).toEqual([{ mccMnc: '46000', region: 'south' }]);
  });

  it('keys an area-wide drop across carriers by the region', () => {
    const fleet = failSome(makeFleet(), (t) => t.region === 'east', within(10));
    const incidents = detect(fleet);
    expect(incidents.map((i) => i.key)).toEqual([{ region: 'east' }]);
    expect(incidents[0]!.memberIds).toHaveLength(60);
  });

  it('does not make an incident of scattered device failures', () => {
    const fleet = failSome(
      makeFleet(),
      (t) => t.terminalId.endsWith('-7'),
      (i) => NOW - (i + 1) * 97 * MINUTE,
    );
    expect(detect(fleet)).toEqual([]);
  });

  it('needs a real share of the group, not a handful among many', () => {
    const fleet = failSome(
      makeFleet(40),
      (t) => t.mccMnc === '46011' && t.region === 'west' && Number(t.terminalId.split('-')[2]) < 6,
      within(4),
    );
    expect(detect(fleet)).toEqual([]);
  });

  it('ignores failures dated in the future', () => {
    const fleet = failSome(
      makeFleet(),
      (t) => t.mccMnc === '46000' && t.region === 'north',
      () => NOW + HOUR,
    );
    expect(detect(fleet)).toEqual([]);
  });

  it('calls host failures across carriers maintenance, and one carrier alone not', () => {
    const acrossCarriers = failSome(
      makeFleet(),
      (t) => t.terminalId.endsWith('-1') || t.terminalId.endsWith('-2'),
      within(20),
      'host',
    );
    const incidents = detect(acrossCarriers);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ code: 'HOST_MAINTENANCE', key: {} });
    expect(incidents[0]!.memberIds).toHaveLength(30);
    const oneCarrier = failSome(
      makeFleet(),
      (t) => t.mccMnc === '46000' && t.terminalId.endsWith('-1'),
      within(20),
      'host',
    );
    expect(detect(oneCarrier)).toEqual([]);
  });

  it('calls twenty terminals across carriers and cities losing the host together maintenance, in a fleet of 20,000', () => {
    const fleet = makeFleet(1334);
    const hit = new Set(fleet.filter((_, i) => i % 1000 === 7 && i < 20_000).map((t) => t.terminalId));
    expect(hit.size).toBe(20);
    const incidents = detect(
      failSome(
        fleet,
        (t) => hit.has(t.terminalId),
        (i) => start + i * MINUTE,
        'host',
      ),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ code: 'HOST_MAINTENANCE', startedAt: start });
    expect(incidents[0]!.memberIds).toEqual([...hit].sort());
  });

  it('does not call scattered host errors of a day maintenance', () => {
    // One merchant's host trouble every 10 minutes for 7 hours, all still going.
    const pick = (t: IncidentCandidate) => /-[456]$/.test(t.terminalId);
    const scattered = failSome(makeFleet(), pick, (i) => NOW - i * 10 * MINUTE, 'host');
    expect(detect(scattered)).toEqual([]);
  });

  it("needs a host burst to stand out from the fleet's other host failures", () => {
    const fleet = makeFleet();
    const inBurst = (t: IncidentCandidate) => t.terminalId.endsWith('-5');
    const background = (t: IncidentCandidate) => t.terminalId.endsWith('-6') || t.terminalId.endsWith('-7');
    const burst = failSome(fleet, inBurst, within(10), 'host');
    // 15 together across carriers, against 30 scattered over the day.
    const both = failSome(burst, background, (i) => NOW - 5 * HOUR - i * 40 * MINUTE, 'host');
    expect(detect(burst).map((i) => i.code)).toEqual(['HOST_MAINTENANCE']);
    expect(detect(both)).toEqual([]);
  });

  it('gives the same ids on the next sweep', () => {
    const fleet = failSome(makeFleet(), (t) => t.region === 'centre', within(6));
    expect(detectIncidents(fleet, NOW + 10 * MINUTE, DEFAULT_RISK_CONFIG).map((i) => i.id)).toEqual(
      detect(fleet).map((i) => i.id),
    );
    expect(detectIncidents(fleet, NOW + DAY, DEFAULT_RISK_CONFIG)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { AlertPlace } from './alert-place';
import { mutingOf, type MaintenanceWindow, type Silence } from './muting-rules';

const at = Date.parse('2026-12-07T10:00:00+08:00');
const HOUR = 3_600_000;
const place: AlertPlace = {
  code: 'PAPER_OUT',
  terminalId: 'T-1',
  region: 'Beijing',
  mccMnc: '46000',
  merchantId: 'M-1',
};
const silence = (matchers: Silence['matchers'], from = at - HOUR, to = at + HOUR): Silence => ({
  id: 'S',
  matchers,
  startsAt: from,
  endsAt: to,
});

describe('silence matchers', () => {
  it.each([
    [{ code: 'PAPER_OUT' as const }],
    [{ terminalId: 'T-1' }],
    [{ region: 'Beijing' }],
    [{ mccMnc: '46000' }],
    [{ merchantId: 'M-1' }],
    [{ code: 'PAPER_OUT' as const, region: 'Beijing', merchantId: 'M-1' }],
  ])('silences an alert when every matcher given equals it: %o', (matchers) => {
    expect(mutingOf(place, [silence(matchers)], [], at)).toEqual({ silenceId: 'S' });
  });

  it.each([
    [{ code: 'OFFLINE' as const }],
    [{ region: 'Beijing', merchantId: 'M-2' }],
    [{ terminalId: 'T-2' }],
  ])('leaves it alone when one matcher differs: %o', (matchers) => {
    expect(mutingOf(place, [silence(matchers)], [], at)).toEqual({});
  });

  it('does not match a field the alert lacks (an incident has no merchant)', () => {
    const incident: AlertPlace = { code: 'CARRIER_OUTAGE', region: 'Beijing', mccMnc: '46000' };
    expect(mutingOf(incident, [silence({ merchantId: 'M-1' })], [], at)).toEqual({});
    expect(mutingOf(incident, [silence({ mccMnc: '46000' })], [], at)).toEqual({ silenceId: 'S' });
  });

  it('holds only from its start (inclusive) to its end (exclusive)', () => {
    const s = silence({ region: 'Beijing' }, at, at + HOUR);
    expect(mutingOf(place, [s], [], at - 1)).toEqual({});
    expect(mutingOf(place, [s], [], at)).toEqual({ silenceId: 'S' });
    expect(mutingOf(place, [s], [], at + HOUR - 1)).toEqual({ silenceId: 'S' });
    expect(mutingOf(place, [s], [], at + HOUR)).toEqual({});
  });

  it('names the maintenance window whose scope holds the alert while it is in effect', () => {
    const window: MaintenanceWindow = {
      id: 'W',
      scope: { region: 'Beijing', mccMnc: '46000' },
      schedule: {
        kind: 'once',
        startsAt: new Date(at - HOUR).toISOString(),
        endsAt: new Date(at + HOUR).toISOString(),
      },
    };
    expect(mutingOf(place, [], [window], at)).toEqual({ maintenanceWindowId: 'W' });
    expect(mutingOf({ ...place, mccMnc: '46001' }, [], [window], at)).toEqual({});
    expect(mutingOf(place, [], [window], at + HOUR)).toEqual({});
  });
});

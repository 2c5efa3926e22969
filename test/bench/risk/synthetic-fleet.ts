import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { FleetRisk } from '../../../apps/api/src/risk/fleet-risk';
import { Rng } from '../../../apps/simulator/src/random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CARRIERS = ['46000', '46001', '46011'];
const REGIONS = ['north', 'south', 'east', 'west', 'central'];

/**
 * A week of telemetry per terminal, written straight into the engine's compact histories in
 * the shape the live service keeps them (hourly heartbeats and SIM readings, 5-min signal
 * for 6 h then hourly medians for 48 h, hourly txn sums, events, statuses, paper run).
 * Every tenth terminal drifts toward trouble so detectors do real work.
 */
export function syntheticFleet(size: number, now: number, seed = 7): FleetRisk {
  // Seeded (mulberry32): the same fleet on every run.
  const rng = new Rng(seed);
  const random = () => rng.next();
  const fleet = new FleetRisk();
  for (let i = 0; i < size; i++) {
    const id = `B${String(i).padStart(6, '0')}`;
    const b = fleet.buffer(id);
    b.setRegistry({ registered: true, region: REGIONS[i % REGIONS.length], comm: '4g' });
    const mccMnc = CARRIERS[i % CARRIERS.length]!;
    const troubled = i % 10 === 0;
    const opens = 6 + Math.floor(random() * 4);
    const closes = 18 + Math.floor(random() * 5);
    const nightly = i % 3 === 0;
    for (let t = Math.floor((now - 7 * DAY) / HOUR) * HOUR; t < now; t += HOUR) {
      const hour = new Date(t).getUTCHours();
      if (nightly && (hour < opens || hour >= closes)) continue;
      b.heartbeats.push({ ts: Math.min(now - 30_000, t + 59 * MIN), intervalS: 60, power: 'mains' });
    }
    const baseRsrp = -85 - random() * 15 - (troubled ? 15 : 0);
    const rawFrom = Math.floor((now - 6 * HOUR) / HOUR) * HOUR;
    for (let t = now - 48 * HOUR; t < rawFrom; t += HOUR) {
      b.signal.push({ ts: t, comm: '4g', rsrpDbm: baseRsrp + random() * 4, rsrqDb: -9, sinrDb: 12, mccMnc });
    }
    for (let t = rawFrom; t < now; t += 5 * MIN) {
      const drift = troubled ? ((t - rawFrom) / HOUR) * 1.5 : 0;
      b.signal.push({
        ts: t,
        comm: '4g',
        rsrpDbm: baseRsrp - drift + random() * 6 - 3,
        rsrqDb: -10,
        sinrDb: 10,
        mccMnc,
      });
    }
    b.signalCompactedTo = rawFrom;
    const burnPerHour = troubled ? 8 : 1;
    let balance = 300 + random() * 500;
    for (let t = now - 3 * DAY; t < now; t += HOUR) {
      balance = Math.max(0, balance - burnPerHour * random() * 2);
      b.sim.push({ ts: t, dataBalanceMb: balance, expiresAt: now + 200 * DAY, iccid: `8986${i}` });
    }
    for (let t = Math.floor((now - DAY) / HOUR) * HOUR + HOUR; t < now; t += HOUR) {
      const approved = Math.floor(random() * 40);
      b.txn.push({
        ts: t,
        windowS: 3600,
        approved,
        declined: Math.floor(random() * 3),
        timeouts: troubled ? Math.floor(random() * 8) : 0,
        reversals: 0,
        reversalFailed: 0,
        commErrors: 0,
        windowEnds: [t],
      });
    }
    if (troubled)
      b.events.push({ ts: now - 2 * HOUR, code: 'SIGN_IN_FAIL' }, { ts: now - HOUR, code: 'SIGN_IN_FAIL' });
    b.status.push({ ts: now - 20 * HOUR, online: true });
    b.paper.push(
      { ts: now - 5 * HOUR, status: i % 50 === 0 ? 'low' : 'ok' },
      { ts: now - 10 * MIN, status: i % 50 === 0 ? 'low' : 'ok' },
    );
    b.lastSeenAt = now - 30_000;
    b.meta.mccMnc = mccMnc;
  }
  return fleet;
}

/** A heartbeat as the ingestor would hand it over. */
export function heartbeatMessage(terminalId: string, ts: number): TelemetryMessage {
  return {
    terminalId,
    channel: 'heartbeat',
    ts,
    seq: 0,
    receivedAt: ts,
    payload: { ts, seq: 0, intervalS: 60, uptimeS: 1000, comm: '4g', power: 'mains' },
  };
}

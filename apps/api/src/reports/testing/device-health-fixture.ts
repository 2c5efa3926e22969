import type { Database } from '../../storage/database';
import { local, reportFixture } from './report-fixture';

/** A merchant name with a comma, a quote and a line break: CSV must quote it. */
export const TRICKY_NAME = '老王便利店, "朝阳"\n二号店';

/**
 * The hand-computed fixture (times local, Asia/Shanghai), reported over 2026-11-02..04:
 *
 * T1 (merchant M1, shop 09:00–21:00, 24 h open in the period):
 * - lost 11-01 20:00 → online 11-02 09:30: 0.5 h inside (1 h in the previous period)
 * - lost 11-02 10:00 → online 11-02 11:30: 1.5 h (OFFLINE)
 * - shutdown 11-02 21:30 → online 11-03 08:30: outside the hours, 0 h
 * - lost 11-03 20:00 → heard 22:00: 1 h, while a SIM_DATA_EXHAUSTION alert was live
 * → 21 of 24 h: 0.875; previous period 23 of 24 h.
 *
 * T2 (merchant M2, no shop hours, 48 h):
 * - lost 11-02 02:00 → 03:00 local (UTC day 11-01) during a carrier incident: counts, 1 h
 * - lost 11-04 03:00 → 05:00 local (UTC day 11-03): after the period, does not count
 * → 47 of 48 h. Overall 68 of 72 h.
 */
export async function seedDeviceHealthFixture(database: Database): Promise<void> {
  const f = reportFixture(database);
  await f.terminal({
    id: 'T1',
    merchantId: 'M1',
    merchantName: TRICKY_NAME,
    shopHours: { open: '09:00', close: '21:00' },
    sim: { dataBalanceMb: 40, expiresAt: '2026-11-25', iccid: '8986001' },
  });
  await f.terminal({
    id: 'T2',
    merchantId: 'M2',
    merchantName: '星巴克 国贸店',
    comm: '2g',
    signal: { comm: '2g', csq: 6 },
    sim: { dataBalanceMb: 500, expiresAt: '2026-12-20', iccid: '8986002' },
  });

  for (const id of ['T1', 'T2']) {
    await f.heartbeat(id, local('2026-11-01T12:00:00'));
    await f.heartbeat(id, local('2026-11-02T12:00:00'));
  }
  await f.status('T1', local('2026-11-01T20:00:00'), false, 'lost');
  await f.status('T1', local('2026-11-02T09:30:00'), true);
  await f.status('T1', local('2026-11-02T10:00:00'), false, 'lost');
  await f.status('T1', local('2026-11-02T11:30:00'), true);
  await f.status('T1', local('2026-11-02T21:30:00'), false, 'shutdown');
  await f.status('T1', local('2026-11-03T08:30:00'), true);
  await f.status('T1', local('2026-11-03T20:00:00'), false, 'lost');
  await f.heartbeat('T1', local('2026-11-03T22:00:00'));
  await f.alert({
    terminalId: 'T1',
    code: 'SIM_DATA_EXHAUSTION',
    severity: 'major',
    openedAt: local('2026-11-03T19:00:00'),
    acknowledgedAt: local('2026-11-03T19:10:00'),
    resolvedAt: local('2026-11-03T23:00:00'),
  });

  await f.status('T2', local('2026-11-02T02:00:00'), false, 'lost');
  await f.status('T2', local('2026-11-02T03:00:00'), true);
  await f.status('T2', local('2026-11-04T03:00:00'), false, 'lost');
  await f.status('T2', local('2026-11-04T05:00:00'), true);
  await f.incident({
    id: 'inc-1',
    code: 'CARRIER_OUTAGE',
    startedAt: local('2026-11-02T01:55:00'),
    endedAt: local('2026-11-02T03:10:00'),
    members: ['T2'],
  });

  // Transactions: 01:00 local on 11-02 is UTC 11-01 and counts; 01:00 on 11-04 does not.
  await f.txn('T2', local('2026-11-02T01:00:00'), { approved: 10 });
  await f.txn('T2', local('2026-11-02T15:00:00'), { approved: 3 });
  await f.txn('T2', local('2026-11-03T12:00:00'), { approved: 5, declined: 2, timeouts: 1, reversals: 1 });
  await f.txn('T2', local('2026-11-04T01:00:00'), { approved: 100 });

  // SIM closing balances by day: 500 → 450 → 480 (a top-up, not use): 50 MB used.
  await f.sim('T2', local('2026-11-01T12:00:00'), 500);
  await f.sim('T2', local('2026-11-02T12:00:00'), 450);
  await f.sim('T2', local('2026-11-03T12:00:00'), 480);
}

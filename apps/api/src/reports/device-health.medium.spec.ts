import { beforeAll, expect, it } from 'vitest';
import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { RollupJob } from '../storage/rollups/rollup-job';
import { describeOnEachDriver } from '../storage/testing/each-driver.medium';
import { DeviceHealthService } from './device-health.service';
import { OutageJob } from './outages/outage-job';
import { OutagesRepository } from './outages/outages.repository';
import { resolvePeriod } from './period/report-period';
import { ReportsRepository } from './reports.repository';
import { seedDeviceHealthFixture, TRICKY_NAME } from './testing/device-health-fixture';
import { local } from './testing/report-fixture';
import { noWorkOrders } from './work-order-source';

const NOW = local('2026-11-10T12:00:00');
const period = resolvePeriod('2026-11-02', '2026-11-04', 'Asia/Shanghai');

describeOnEachDriver('device-health figures on %s', (test) => {
  let support: DeviceHealthReport;
  let service: DeviceHealthService;

  beforeAll(async () => {
    const { database } = test();
    await seedDeviceHealthFixture(database);
    await new OutageJob(new OutagesRepository(database), { settleMs: 0 }).runOnce(NOW);
    // Plain PostgreSQL folds the rollup tables now; timescale's real-time aggregates read
    // the fixture as it is (running its policies would apply the wall clock's retention).
    if (database.mode === 'postgres')
      await new RollupJob(database, { retentionDays: 3650, settleMs: 0 }).runOnce(NOW);
    service = new DeviceHealthService(
      new ReportsRepository(database),
      new OutagesRepository(database),
      () => NOW.getTime(),
      noWorkOrders,
    );
    support = await service.report({ scope: { kind: 'all' } }, period);
  });

  it('cuts the period at local midnight in the user zone', () => {
    expect(support.period).toMatchObject({
      startsAt: '2026-11-01T16:00:00.000Z',
      endsAt: '2026-11-03T16:00:00.000Z',
      previousFrom: '2026-10-31',
      previousTo: '2026-11-02',
    });
  });

  it('gives exactly the hand-computed availability in opening hours, against the previous period', () => {
    const [t1, t2] = support.terminals;
    expect(t1).toMatchObject({
      terminalId: 'T1',
      openMinutes: 1440,
      onlineMinutes: 1260,
      availability: 0.875,
    });
    expect(t1!.previousAvailability).toBeCloseTo(23 / 24, 12);
    expect(t2).toMatchObject({
      terminalId: 'T2',
      openMinutes: 2880,
      onlineMinutes: 2820,
      previousAvailability: 1,
    });
    expect(t2!.availability).toBeCloseTo(47 / 48, 12);
    expect(support.availability.overall).toBeCloseTo(68 / 72, 12);
    expect(support.availability.previous).toBeCloseTo(71 / 72, 12);
    expect(support.availability.lostHours).toBeCloseTo(4, 12);
  });

  it('splits lost time by cause and keeps incidents and shutdowns apart from device faults', () => {
    expect(support.failures).toEqual([
      { cause: 'OFFLINE', kind: 'device', outages: 2, terminals: 1, lostMinutes: 120 },
      { cause: 'CARRIER_OUTAGE', kind: 'incident', outages: 1, terminals: 1, lostMinutes: 60 },
      { cause: 'SIM_DATA_EXHAUSTION', kind: 'device', outages: 1, terminals: 1, lostMinutes: 60 },
      { cause: 'SHUTDOWN', kind: 'shutdown', outages: 1, terminals: 1, lostMinutes: 0 },
    ]);
    expect(support.terminals[0]!.faultMinutes).toBe(180);
    expect(support.terminals[1]!.faultMinutes).toBe(0);
    expect(support.incidents).toEqual([
      expect.objectContaining({ id: 'inc-1', code: 'CARRIER_OUTAGE', terminals: 1, lostMinutes: 60 }),
    ]);
  });

  it('counts transactions in the local period only, per local day', () => {
    expect(support.transactions).toMatchObject({ approved: 18, declined: 2, timeouts: 1, reversals: 1 });
    expect(support.transactions.failureRate).toBeCloseTo(1 / 21, 12);
    expect(support.transactions.previousFailureRate).toBeNull();
    expect(support.transactions.trend).toEqual([
      { day: '2026-11-02', approved: 13, declined: 0, timeouts: 0, reversals: 0, failureRate: 0 },
      { day: '2026-11-03', approved: 5, declined: 2, timeouts: 1, reversals: 1, failureRate: 1 / 8 },
    ]);
  });

  it('reports SIM use (top-ups are not use), its forecast and the plans expiring in 30 and 60 days', () => {
    expect(support.sim.usedMb).toBe(50);
    expect(support.sim.topUsers).toEqual([
      expect.objectContaining({
        terminalId: 'T2',
        usedMb: 50,
        perDayMb: 25,
        forecast30dMb: 750,
        daysLeft: 20,
      }),
    ]);
    expect(support.sim.expiringIn30Days.map((p) => p.terminalId)).toEqual(['T1']);
    expect(support.sim.expiringIn60Days.map((p) => p.terminalId)).toEqual(['T1', 'T2']);
  });

  it('times alerts to acknowledge and resolve against their SLA', () => {
    expect(support.alerts).toMatchObject({
      total: 1,
      meanAckMinutes: 10,
      meanResolveMinutes: 240,
      slaMet: 1,
      slaDue: 1,
    });
    expect(support.workOrders).toBeNull();
  });

  it('draws plain recommendations from the figures in both languages', () => {
    const byCode = Object.fromEntries(support.recommendations.map((r) => [r.code, r]));
    expect(Object.keys(byCode).sort()).toEqual([
      'AVAILABILITY_FELL',
      'INCIDENTS_NOT_DEVICES',
      'RENEW_SIM',
      'REPLACE_2G',
      'TOP_UP_SIM',
    ]);
    expect(byCode.REPLACE_2G!.text.en).toBe('1 terminal on 2G with poor signal: replace with 4G models');
    expect(byCode.REPLACE_2G!.text['zh-CN']).toBe('1 台终端使用 2G 且信号差：更换为 4G 机型');
    expect(byCode.RENEW_SIM!.text.en).toBe('Renew 1 SIM plan before 25 Nov 2026');
    expect(byCode.RENEW_SIM!.text['zh-CN']).toBe('在2026年11月25日前续费 1 张 SIM 卡套餐');
    expect(byCode.AVAILABILITY_FELL!.text.en).toBe(
      'Availability fell from 98.6% to 94.4%: start with the terminals that failed most',
    );
  });

  it('shows an account manager only its own merchants', async () => {
    const manager = await service.report({ scope: { kind: 'merchants', merchantIds: ['M1'] } }, period);
    expect(manager.terminals.map((t) => t.terminalId)).toEqual(['T1']);
    expect(manager.merchants).toEqual([
      {
        merchantId: 'M1',
        merchantName: TRICKY_NAME,
        terminals: 1,
        availability: 0.875,
        previousAvailability: 23 / 24,
      },
    ]);
    const asked = await service.report(
      { scope: { kind: 'merchants', merchantIds: ['M1'] }, merchantIds: ['M2'] },
      period,
    );
    expect(asked.terminals).toEqual([]);
  });
});

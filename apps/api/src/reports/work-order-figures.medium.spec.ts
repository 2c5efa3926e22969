import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { local } from './testing/report-fixture';
import { REPORT_NOW, startReportsHttpApp, type ReportsHttpApp } from './testing/reports-http-app';
import { WorkOrderFiguresSource } from './work-order-figures';

const postgresUp = await postgresAvailableOrSkip();

describe.skipIf(!postgresUp)(
  'work-order figures of the device-health report, from dispatch’s work_orders',
  () => {
    let app: ReportsHttpApp;

    beforeAll(async () => {
      app = await startReportsHttpApp();
      const order = (o: {
        terminal: string;
        state: string;
        created: string;
        due: string;
        resolved?: string;
      }) =>
        sql`
      insert into work_orders (terminal_id, code, kind, state, priority, created_at, updated_at, created_by,
        sla_due_at, resolved_at)
      values (${o.terminal}, 'COMM_MODULE_FAULT', 'repair', ${o.state}, 'urgent', ${local(o.created)},
        ${local(o.created)}, 'dispatch', ${local(o.due)}, ${o.resolved ? local(o.resolved) : null})`.execute(
          app.test.database.db,
        );
      // Resolved 2 h after opening, within its SLA.
      await order({
        terminal: 'T1',
        state: 'resolved',
        created: '2026-11-02T10:00:00',
        due: '2026-11-02T14:00:00',
        resolved: '2026-11-02T12:00:00',
      });
      // Resolved 6 h after opening, 2 h late.
      await order({
        terminal: 'T1',
        state: 'resolved',
        created: '2026-11-03T09:00:00',
        due: '2026-11-03T13:00:00',
        resolved: '2026-11-03T15:00:00',
      });
      // Cancelled: opened, never judged.
      await order({
        terminal: 'T1',
        state: 'cancelled',
        created: '2026-11-03T12:00:00',
        due: '2026-11-03T16:00:00',
      });
      // Still on its way, past its due time at REPORT_NOW: breached.
      await order({
        terminal: 'T2',
        state: 'en_route',
        created: '2026-11-03T10:00:00',
        due: '2026-11-04T18:00:00',
      });
      // Open, due after REPORT_NOW: not judged yet.
      await order({
        terminal: 'T2',
        state: 'assigned',
        created: '2026-11-03T11:00:00',
        due: '2026-11-20T18:00:00',
      });
      // Outside the period, and another terminal's.
      await order({
        terminal: 'T1',
        state: 'resolved',
        created: '2026-11-04T00:00:00',
        due: '2026-11-04T04:00:00',
        resolved: '2026-11-04T01:00:00',
      });
      await order({
        terminal: 'T9',
        state: 'resolved',
        created: '2026-11-02T10:00:00',
        due: '2026-11-02T14:00:00',
        resolved: '2026-11-02T11:00:00',
      });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });

    it('counts the orders of the terminals opened in the period, resolved ones and their mean time, and the SLA met of those judged', async () => {
      const source = new WorkOrderFiguresSource(app.test.database);
      expect(
        await source.figures(
          ['T1', 'T2'],
          local('2026-11-02T00:00:00'),
          local('2026-11-04T00:00:00'),
          REPORT_NOW,
        ),
      ).toEqual({
        total: 5,
        resolved: 2,
        meanResolveMinutes: 240,
        slaMet: 1,
        slaDue: 3,
      });
      expect(
        await source.figures([], local('2026-11-02T00:00:00'), local('2026-11-04T00:00:00'), REPORT_NOW),
      ).toEqual({
        total: 0,
        resolved: 0,
        meanResolveMinutes: null,
        slaMet: 0,
        slaDue: 0,
      });
    });

    it('fills the report’s workOrders section within the caller’s scope', async () => {
      const period = '/reports/device-health?from=2026-11-02&to=2026-11-04';
      const manager = (await (
        await app.get(period, app.manager, 'application/json')
      ).json()) as DeviceHealthReport;
      expect(manager.workOrders).toEqual({
        total: 3,
        resolved: 2,
        meanResolveMinutes: 240,
        slaMet: 1,
        slaDue: 2,
      });
      const admin = (await (
        await app.get(period, app.admin, 'application/json')
      ).json()) as DeviceHealthReport;
      expect(admin.workOrders).toEqual({
        total: 5,
        resolved: 2,
        meanResolveMinutes: 240,
        slaMet: 1,
        slaDue: 3,
      });
    });
  },
);

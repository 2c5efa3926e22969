import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { TerminalsRepository } from '../repositories/terminals.repository';
import { SqlTelemetryStore } from '../telemetry/sql-telemetry-store';
import { describeOnEachDriver } from '../testing/each-driver.medium';
import { makeMessage } from '../testing/telemetry-factory';
import { migration0009OnlineByDeviceTime } from './0009_online_by_device_time';

const TS = Date.UTC(2026, 10, 20, 8, 0, 0);
const HOUR = 3_600_000;

describeOnEachDriver('migration 0009 on the %s driver', (db) => {
  const onlineOf = async (id: string) => (await new TerminalsRepository(db().database).findState(id))?.online;

  it('derives online from device time up, from arrival order down, keeping every row', async () => {
    const store = new SqlTelemetryStore(db().database);
    // A live terminal, then a shutdown from 30 h before that arrived after its heartbeat.
    await store.storeBatch([makeMessage('heartbeat', { terminalId: 'M9-1', ts: TS, receivedAt: TS })], []);
    const stale = {
      terminalId: 'M9-1',
      ts: TS - 30 * HOUR,
      receivedAt: TS + 1000,
      payload: { online: false, reason: 'shutdown' },
    };
    await store.storeBatch([makeMessage('status', stale)], []);
    expect(await onlineOf('M9-1')).toBe(true);

    const migration = migration0009OnlineByDeviceTime(db().database.mode);
    await migration.down!(db().database.db);
    // Arrival order, the old rule: the status came last, so the terminal reads offline.
    expect(await onlineOf('M9-1')).toBe(false);

    await migration.up(db().database.db);
    expect(await onlineOf('M9-1')).toBe(true);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from terminal_latest`.execute(
      db().database.db,
    );
    expect(rows[0]?.n).toBe(1);
  });
});

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { TerminalsRepository } from '../repositories/terminals.repository';
import { SqlTelemetryStore } from '../telemetry/sql-telemetry-store';
import { describeOnEachDriver } from '../testing/each-driver.medium';
import { makeMessage } from '../testing/telemetry-factory';
import { migration0008LatestPayloadsJson } from './0008_latest_payloads_json';
import { migration0009OnlineByDeviceTime } from './0009_online_by_device_time';

const TS = Date.UTC(2026, 10, 20, 8, 0, 0);

/** The rebuild keeps every latest row and what the API reads from it, both ways. */
describeOnEachDriver('migration 0008 on the %s driver', (db) => {
  const payloadType = async () => {
    const { rows } = await sql<{ type: string }>`select format_type(atttypid, atttypmod) as type
      from pg_attribute where attrelid = 'terminal_latest'::regclass and attname = 'heartbeat'`.execute(
      db().database.db,
    );
    return rows[0]?.type;
  };

  it('rebuilds terminal_latest down to jsonb and up to json with every row intact', async () => {
    const store = new SqlTelemetryStore(db().database);
    const terminals = new TerminalsRepository(db().database);
    await store.storeBatch(
      [
        makeMessage('heartbeat', { terminalId: 'MIG-1', ts: TS, payload: { fw: '2.0.1' } }),
        makeMessage('sim', { terminalId: 'MIG-1', ts: TS, payload: { dataBalanceMb: 12.5 } }),
        makeMessage('status', {
          terminalId: 'MIG-1',
          ts: TS + 1,
          payload: { online: false, reason: 'shutdown' },
        }),
      ],
      [],
    );
    await sql`update terminal_latest set risk_score = 70, causes = '[{"code":"SIM_DATA_EXHAUSTION"}]'
      where terminal_id = 'MIG-1'`.execute(db().database.db);
    const before = await terminals.findState('MIG-1');
    expect(before).toMatchObject({ online: false, onlineReason: 'shutdown', riskScore: 70 });
    expect(await payloadType()).toBe('json');

    // Back to the schema 0008 made, then through it both ways.
    const later = migration0009OnlineByDeviceTime(db().database.mode);
    await later.down!(db().database.db);
    const migration = migration0008LatestPayloadsJson(db().database.mode);
    await migration.down!(db().database.db);
    expect(await payloadType()).toBe('jsonb');
    expect(await terminals.findState('MIG-1')).toEqual(before);

    await migration.up(db().database.db);
    await later.up(db().database.db);
    expect(await payloadType()).toBe('json');
    expect(await terminals.findState('MIG-1')).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from terminal_latest
      where jsonb_array_length(causes) > 0`.execute(db().database.db);
    expect(rows[0]?.n).toBe(1);
  });
});

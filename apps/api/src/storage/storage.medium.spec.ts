import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDownAll, migrateToLatest } from './migrations/migrate';
import { MIGRATIONS } from './migrations/migration-list';
import { DeadLetterRepository } from './repositories/dead-letter.repository';
import { RollupsRepository } from './repositories/rollups.repository';
import { TerminalsRepository } from './repositories/terminals.repository';
import { applyRetention } from './retention';
import { RollupJob } from './rollups/rollup-job';
import { SqlTelemetryStore } from './telemetry/sql-telemetry-store';
import { postgresAvailableOrSkip } from './testing/require-postgres';
import { createTestDatabase, type TestDatabase } from './testing/test-database';
import { makeMessage } from './testing/telemetry-factory';

const postgresUp = await postgresAvailableOrSkip();
const HOUR = 3_600_000;
/** Start of an hour well in the past, so every test time is settled and not in the future. */
const BASE = Math.floor((Date.now() - 6 * HOUR) / HOUR) * HOUR;

describe.each(['embedded', 'postgres'] as const)('storage on the %s driver', (kind) => {
  describe.skipIf(kind === 'postgres' && !postgresUp)('', () => {
    let test: TestDatabase;
    let store: SqlTelemetryStore;
    let terminals: TerminalsRepository;

    beforeAll(async () => {
      test = await createTestDatabase(kind);
      store = new SqlTelemetryStore(test.database);
      terminals = new TerminalsRepository(test.database);
    });
    afterAll(async () => {
      await test?.drop();
    });

    const countRows = async (table: string, terminalId: string) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where terminal_id = ${terminalId}`.execute(test.database.db);
      return rows[0]!.n;
    };

    it('uses the expected mode', () => {
      expect(test.database.mode).toBe(kind === 'embedded' ? 'timescale' : 'postgres');
    });

    it('migrates down to nothing and up again', async () => {
      const names = MIGRATIONS.map(([name]) => name);
      expect(names.slice(0, 2)).toEqual(['0001_core', '0002_telemetry']);
      expect(await migrateDownAll(test.database)).toEqual([...names].reverse());
      const { rows } = await sql<{
        t: string | null;
      }>`select to_regclass('public.terminals')::text as t`.execute(test.database.db);
      expect(rows[0]!.t).toBeNull();
      expect(await migrateToLatest(test.database)).toEqual(names);
      expect(await migrateToLatest(test.database)).toEqual([]);
    });

    it('stores a message once, however often it is delivered', async () => {
      const hb = makeMessage('heartbeat', { terminalId: 'DUP-1', ts: BASE, seq: 7 });
      expect(await store.storeBatch([hb, hb], [])).toEqual({ stored: 1, duplicates: 1, deadLetters: 0 });
      expect(
        await store.storeBatch([hb, makeMessage('heartbeat', { terminalId: 'DUP-1', ts: BASE, seq: 8 })], []),
      ).toEqual({
        stored: 1,
        duplicates: 1,
        deadLetters: 0,
      });
      expect(await countRows('heartbeats', 'DUP-1')).toBe(2);
    });

    it('never rolls a channel back to an older message', async () => {
      const id = 'LATE-1';
      await store.storeBatch(
        [makeMessage('signal', { terminalId: id, ts: BASE + 600_000, payload: { rsrpDbm: -80 } })],
        [],
      );
      await store.storeBatch(
        [
          makeMessage('signal', { terminalId: id, ts: BASE, seq: 1, payload: { rsrpDbm: -120 } }),
          makeMessage('sim', { terminalId: id, ts: BASE, payload: { dataBalanceMb: 42 } }),
        ],
        [],
      );
      const state = await terminals.findState(id);
      expect(state?.signal).toMatchObject({ rsrpDbm: -80, ts: new Date(BASE + 600_000).toISOString() });
      expect(state?.sim).toMatchObject({ dataBalanceMb: 42 });
      expect(state?.lastSeenAt).toBe(new Date(BASE + 600_000).toISOString());
      expect(await countRows('signal_samples', id)).toBe(2);
    });

    it('takes online from the newest status by device time, against everything else the terminal sent', async () => {
      const id = 'LIFE-1';
      const at = (minutes: number) => BASE + minutes * 60_000;
      await store.storeBatch([makeMessage('status', { terminalId: id, ts: at(0), receivedAt: at(0) })], []);
      await store.storeBatch(
        [makeMessage('heartbeat', { terminalId: id, ts: at(1), receivedAt: at(1) })],
        [],
      );
      expect(await terminals.findState(id)).toMatchObject({ online: true, onlineReason: null });

      // The Last Will, dated by the ingestor after the traffic before it.
      const will = makeMessage('status', {
        terminalId: id,
        ts: at(5),
        seq: 1,
        receivedAt: at(5),
        payload: { online: false, reason: 'lost' },
      });
      await store.storeBatch([will], []);
      expect(await terminals.findState(id)).toMatchObject({ online: false, onlineReason: 'lost' });

      // A redelivered copy of an old heartbeat is no proof of life; new traffic is.
      await store.storeBatch(
        [makeMessage('heartbeat', { terminalId: id, ts: at(1), receivedAt: at(6) })],
        [],
      );
      expect(await terminals.findState(id)).toMatchObject({ online: false });
      await store.storeBatch([makeMessage('signal', { terminalId: id, ts: at(7), receivedAt: at(7) })], []);
      expect(await terminals.findState(id)).toMatchObject({ online: true, onlineReason: null });

      // A shutdown from 30 hours before, flushed late from the terminal's store, undoes nothing.
      const stale = makeMessage('status', {
        terminalId: id,
        ts: at(-30 * 60),
        seq: 2,
        receivedAt: at(8),
        payload: { online: false, reason: 'shutdown' },
      });
      await store.storeBatch([stale], []);
      expect(await terminals.findState(id)).toMatchObject({ online: true, onlineReason: null });

      await store.storeBatch(
        [
          makeMessage('status', {
            terminalId: id,
            ts: at(9),
            seq: 3,
            receivedAt: at(9),
            payload: { online: false, reason: 'shutdown' },
          }),
        ],
        [],
      );
      expect(await terminals.findState(id)).toMatchObject({ online: false, onlineReason: 'shutdown' });
    });

    it('keeps an unregistered terminal and registers it on import without losing data', async () => {
      const id = 'NEW-1';
      await store.storeBatch(
        [makeMessage('paper', { terminalId: id, ts: BASE, payload: { status: 'low' } })],
        [],
      );
      expect(await terminals.findState(id)).toMatchObject({
        registered: false,
        merchantId: null,
        paper: { status: 'low' },
      });

      const row = {
        terminalId: id,
        merchantId: 'M-9',
        merchantName: 'Tea House',
        region: 'north',
        lat: 31.2,
        lon: 121.5,
      };
      expect(await terminals.importTerminals([row, { ...row, merchantName: 'Tea House 2' }])).toBe(1);
      expect(await terminals.findState(id)).toMatchObject({
        registered: true,
        merchantId: 'M-9',
        merchantName: 'Tea House 2',
        paper: { status: 'low' },
        online: true,
      });
      expect(await countRows('paper_samples', id)).toBe(1);
    });

    it('stores an imported address and keeps it when a later import leaves it out', async () => {
      const row = {
        terminalId: 'ADDR-1',
        merchantId: 'M-10',
        merchantName: '王府井小吃',
        region: 'Beijing',
        lat: 39.91,
        lon: 116.41,
      };
      await terminals.importTerminals([{ ...row, address: '北京市东城区王府井大街 88 号' }]);
      expect((await terminals.findState('ADDR-1'))?.address).toBe('北京市东城区王府井大街 88 号');
      await terminals.importTerminals([row]);
      expect((await terminals.findState('ADDR-1'))?.address).toBe('北京市东城区王府井大街 88 号');
      await terminals.importTerminals([{ ...row, terminalId: 'ADDR-2' }]);
      expect((await terminals.findState('ADDR-2'))?.address).toBeNull();
    });

    it('stores dead letters with their reason', async () => {
      const deadLetters = new DeadLetterRepository(test.database);
      const result = await store.storeBatch(
        [],
        [
          {
            topic: 'fleet/v1/X/sim',
            payload: 'x'.repeat(10_000),
            reason: 'payload_too_large',
            detail: 'big',
            terminalId: 'X',
            receivedAt: BASE,
          },
          {
            topic: 'fleet/v1/X/heartbeat',
            payload: '{oops\0',
            reason: 'bad_json',
            detail: 'nul',
            receivedAt: BASE + 1,
          },
          {
            topic: 'fleet/v1/Y/heartbeat',
            payload: '{',
            reason: 'bad_json',
            detail: 'eof',
            receivedAt: BASE + 2,
          },
        ],
      );
      expect(result).toEqual({ stored: 0, duplicates: 0, deadLetters: 3 });
      expect(await deadLetters.countsByReason()).toEqual([
        { reason: 'bad_json', count: 2 },
        { reason: 'payload_too_large', count: 1 },
      ]);
      const recent = await deadLetters.recent(2);
      expect(recent.map((d) => d.detail)).toEqual(['eof', 'nul']);
      expect(recent[1]).toMatchObject({ payload: '{oops', terminalId: null });
      expect((await deadLetters.recent(3))[2]!.payload).toHaveLength(4096);
    });

    it('rolls raw rows up into hourly and daily buckets', async () => {
      const id = 'ROLL-1';
      const hour1 = BASE + HOUR;
      await store.storeBatch(
        [
          makeMessage('signal', { terminalId: id, ts: BASE + 60_000, payload: { rsrpDbm: -100, csq: 99 } }),
          makeMessage('signal', {
            terminalId: id,
            ts: BASE + 120_000,
            seq: 1,
            payload: { rsrpDbm: -90, csq: 10 },
          }),
          makeMessage('signal', { terminalId: id, ts: hour1 + 60_000, seq: 2, payload: { rsrpDbm: -110 } }),
          makeMessage('txn', { terminalId: id, ts: BASE, payload: { approved: 5, timeouts: 2 } }),
          makeMessage('txn', { terminalId: id, ts: hour1, seq: 1, payload: { approved: 7, timeouts: 1 } }),
          makeMessage('sim', { terminalId: id, ts: BASE, payload: { dataBalanceMb: 300 } }),
          makeMessage('sim', { terminalId: id, ts: hour1, seq: 1, payload: { dataBalanceMb: 250 } }),
          makeMessage('heartbeat', { terminalId: id, ts: BASE }),
          makeMessage('heartbeat', { terminalId: id, ts: BASE + 60_000, seq: 1 }),
        ],
        [],
      );
      await refreshRollups(test);

      const rollups = new RollupsRepository(test.database);
      const range = {
        terminalId: id,
        from: new Date(BASE - 2 * 86_400_000),
        to: new Date(Date.now() + HOUR),
      };
      const signal = await rollups.signal({ ...range, grain: 'hourly' });
      expect(
        signal.map((b) => [b.bucket.getTime(), b.samples, b.avg_rsrp_dbm, b.min_rsrp_dbm, b.avg_csq]),
      ).toEqual([
        [BASE, 2, -95, -100, 10],
        [hour1, 1, -110, -110, null],
      ]);
      const txnDaily = await rollups.txn({ ...range, grain: 'daily' });
      expect(txnDaily.reduce((sum, b) => sum + b.approved, 0)).toBe(12);
      expect(txnDaily.reduce((sum, b) => sum + b.timeouts, 0)).toBe(3);
      const simHourly = await rollups.sim({ ...range, grain: 'hourly' });
      expect(simHourly.map((b) => b.last_balance_mb)).toEqual([300, 250]);
      const heartbeats = await rollups.heartbeats({ ...range, grain: 'hourly' });
      expect(heartbeats.map((b) => b.heartbeats)).toEqual([2]);

      // A late message for an old bucket, received now, lands in that bucket on the next refresh.
      await store.storeBatch(
        [makeMessage('heartbeat', { terminalId: id, ts: BASE + 120_000, seq: 2, receivedAt: Date.now() })],
        [],
      );
      await refreshRollups(test, new Date(Date.now() + 120_000));
      expect((await rollups.heartbeats({ ...range, grain: 'hourly' })).map((b) => b.heartbeats)).toEqual([3]);
      const daily = await rollups.heartbeats({ ...range, grain: 'daily' });
      expect(daily.reduce((sum, b) => sum + b.heartbeats, 0)).toBe(3);
    });

    it('exposes rollups with the same names and columns in both modes', async () => {
      const { rows } = await sql<{ table_name: string; columns: string }>`
        select table_name, string_agg(column_name, ',' order by ordinal_position) as columns
        from information_schema.columns
        where table_schema = 'public' and table_name ~ '_(hourly|daily)$'
        group by table_name order by table_name`.execute(test.database.db);
      const levels = ['rssi_dbm', 'rsrp_dbm', 'rsrq_db', 'sinr_db', 'wifi_rssi_dbm'].flatMap((l) => [
        `avg_${l}`,
        `min_${l}`,
        `max_${l}`,
      ]);
      const expected = {
        heartbeat: ['heartbeats'],
        signal: ['samples', ...levels, 'avg_csq', 'min_csq', 'line_failures'],
        sim: ['samples', 'last_balance_mb', 'min_balance_mb'],
        txn: ['windows', 'approved', 'declined', 'timeouts', 'reversals', 'reversal_failed', 'comm_errors'],
      };
      expect(rows).toEqual(
        Object.entries(expected).flatMap(([name, columns]) =>
          ['daily', 'hourly'].map((grain) => ({
            table_name: `${name}_${grain}`,
            columns: ['bucket', 'terminal_id', ...columns].join(','),
          })),
        ),
      );
    });

    it('runs its scheduled work through the rollup job', async () => {
      const result = await new RollupJob(test.database, { retentionDays: 30 }).runOnce(new Date());
      if (test.database.mode === 'timescale') {
        // 8 aggregate refreshes + 7 compression + 7 retention policies, run in the foreground.
        expect(result.policyJobs).toBe(22);
      } else {
        expect(result.window?.to.getTime()).toBeLessThan(Date.now());
      }
    });

    it('lists terminals with filters and pages, and sums up the fleet', async () => {
      const rows = Array.from({ length: 5 }, (_, i) => ({
        terminalId: `LIST-${i}`,
        merchantId: `M-${i}`,
        merchantName: i === 3 ? 'Noodle 100%_Bar' : `Shop ${i}`,
        region: i % 2 === 0 ? 'east' : 'west',
        lat: 30,
        lon: 120,
      }));
      await terminals.importTerminals(rows);
      await store.storeBatch([makeMessage('heartbeat', { terminalId: 'LIST-2', ts: BASE })], []);

      const east = await terminals.list({ page: 1, pageSize: 2, region: 'east' });
      expect(east.total).toBe(3);
      expect(east.items.map((t) => t.terminalId)).toEqual(['LIST-0', 'LIST-2']);
      const page2 = await terminals.list({ page: 2, pageSize: 2, region: 'east' });
      expect(page2.items.map((t) => t.terminalId)).toEqual(['LIST-4']);
      expect(
        (await terminals.list({ page: 1, pageSize: 10, region: 'east', online: true })).items.map(
          (t) => t.terminalId,
        ),
      ).toEqual(['LIST-2']);
      expect(
        (await terminals.list({ page: 1, pageSize: 10, search: '100%_' })).items.map((t) => t.terminalId),
      ).toEqual(['LIST-3']);
      expect((await terminals.list({ page: 1, pageSize: 10, search: '100%x' })).total).toBe(0);
      const unregistered = await terminals.list({ page: 1, pageSize: 50, registered: false });
      expect(unregistered.items.every((t) => !t.registered)).toBe(true);
      await expect(terminals.list({ page: 0, pageSize: 10 })).rejects.toThrow(/page must be/);

      const westOnly = { kind: 'regions', regions: ['west'] } as const;
      expect(
        (await terminals.list({ page: 1, pageSize: 10, scope: westOnly })).items.map((t) => t.terminalId),
      ).toEqual(['LIST-1', 'LIST-3']);
      expect(await terminals.findState('LIST-0', westOnly)).toBeUndefined();
      expect(await terminals.findState('LIST-1', westOnly)).toMatchObject({ region: 'west' });
      expect(await terminals.findState('LIST-1', { kind: 'merchants', merchantIds: [] })).toBeUndefined();
      expect(await terminals.summary({ kind: 'merchants', merchantIds: ['M-2'] })).toEqual({
        total: 1,
        online: 1,
        offline: 0,
        unregistered: 0,
      });

      const summary = await terminals.summary();
      const all = await terminals.list({ page: 1, pageSize: 500 });
      expect(summary.total).toBe(all.total);
      expect(summary.online).toBe(all.items.filter((t) => t.online).length);
      expect(summary.offline).toBe(summary.total - summary.online);
      expect(summary.unregistered).toBe(unregistered.total);
    });

    it('applies raw retention', async () => {
      await applyRetention(test.database, 7);
      if (test.database.mode === 'timescale') {
        const { rows } = await sql<{ drop_after: string }>`
          select config->>'drop_after' as drop_after from timescaledb_information.jobs
          where proc_name = 'policy_retention' and hypertable_name = 'heartbeats'`.execute(test.database.db);
        expect(rows.map((r) => r.drop_after)).toEqual(['7 days']);
        return;
      }
      const id = 'OLD-1';
      await store.storeBatch(
        [makeMessage('heartbeat', { terminalId: id, ts: Date.now() - 3 * 86_400_000 })],
        [],
      );
      const result = await new RollupJob(test.database, { retentionDays: 2 }).runOnce(new Date());
      expect(result.expiredRows).toBeGreaterThanOrEqual(1);
      expect(await countRows('heartbeats', id)).toBe(0);
    });
  });
});

/** Brings rollups up to date: continuous aggregates explicitly, rollup tables through the job. */
async function refreshRollups({ database }: TestDatabase, now = new Date()): Promise<void> {
  if (database.mode === 'postgres') {
    await new RollupJob(database, { retentionDays: 30 }).runOnce(now);
    return;
  }
  for (const view of ['signal', 'txn', 'sim', 'heartbeat'].flatMap((n) => [`${n}_hourly`, `${n}_daily`])) {
    await sql`call refresh_continuous_aggregate(${view}::regclass, null, null)`.execute(database.db);
  }
}

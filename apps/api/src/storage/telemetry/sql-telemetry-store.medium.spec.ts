import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEachDriver } from '../testing/each-driver.medium';
import { makeMessage } from '../testing/telemetry-factory';
import { foldLatest } from './latest-state';
import { latestUpsert } from './latest-upsert';
import { kyselyRunner } from './sql-runner';
import { SqlTelemetryStore } from './sql-telemetry-store';

const T = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;

/** The write path's fast raw inserts, their fallback, and the channel-narrow latest-state statements. */
describeOnEachDriver('SqlTelemetryStore on the %s driver', (db) => {
  const latest = async (terminalId: string) => {
    const { rows } = await sql<{
      heartbeat: { uptimeS: number } | null;
      signal: { rsrpDbm: number } | null;
    }>`
      select heartbeat, signal from terminal_latest where terminal_id = ${terminalId}`.execute(
      db().database.db,
    );
    return rows[0];
  };

  it('stores the new messages of a batch that also holds stored ones, and keeps working after', async () => {
    const store = new SqlTelemetryStore(db().database);
    const old = makeMessage('heartbeat', { terminalId: 'FB-1', ts: T, seq: 1 });
    expect(await store.storeBatch([old], [])).toEqual({ stored: 1, duplicates: 0, deadLetters: 0 });
    const fresh = makeMessage('heartbeat', { terminalId: 'FB-2', ts: T, seq: 1 });
    expect(await store.storeBatch([old, fresh], [])).toEqual({ stored: 1, duplicates: 1, deadLetters: 0 });
    for (let i = 0; i < 20; i++) {
      const next = makeMessage('heartbeat', { terminalId: 'FB-1', ts: T + 1000 + i, seq: 2 + i });
      expect((await store.storeBatch([old, next], [])).stored).toBe(1);
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from heartbeats
      where terminal_id in ('FB-1', 'FB-2')`.execute(db().database.db);
    expect(rows[0]!.n).toBe(22);
  });

  it('stores awkward text and exact times value for value', async () => {
    const store = new SqlTelemetryStore(db().database);
    const awkward = 'tab\there\nnew\\line\r "quoted" \'single\' \\N Zoë 支付 😀\0end';
    const event = makeMessage('event', {
      terminalId: 'AW-\\1',
      ts: T + 123,
      seq: 9,
      receivedAt: T + 1456,
      payload: { code: 'X\tY', detail: awkward },
    });
    const heartbeat = makeMessage('heartbeat', {
      terminalId: 'AW-2',
      ts: T + 7,
      payload: { fw: '1\\2\n3' },
    });
    expect((await store.storeBatch([event, heartbeat], [])).stored).toBe(2);
    const { rows } = await sql<{ code: string; detail: string; ts_ms: number; received_ms: number }>`
      select code, detail, (extract(epoch from ts) * 1000)::float8 as ts_ms,
        (extract(epoch from received_at) * 1000)::float8 as received_ms
      from events where terminal_id = 'AW-\\1'`.execute(db().database.db);
    expect(rows).toEqual([
      { code: 'X\tY', detail: awkward.replace('\0', ''), ts_ms: T + 123, received_ms: T + 1456 },
    ]);
    const fw = await sql<{ fw: string; battery_pct: number | null }>`
      select fw, battery_pct from heartbeats where terminal_id = 'AW-2'`.execute(db().database.db);
    expect(fw.rows).toEqual([{ fw: '1\\2\n3', battery_pct: null }]);
  });

  it('leaves the channels a batch does not carry as they were, and never rolls one back', async () => {
    const store = new SqlTelemetryStore(db().database);
    await store.storeBatch(
      [
        makeMessage('signal', { terminalId: 'NW-1', ts: T, payload: { rsrpDbm: -90 } }),
        makeMessage('heartbeat', { terminalId: 'NW-1', ts: T, payload: { uptimeS: 10 } }),
      ],
      [],
    );
    await store.storeBatch(
      [makeMessage('heartbeat', { terminalId: 'NW-1', ts: T + 5000, payload: { uptimeS: 15 } })],
      [],
    );
    await store.storeBatch(
      [makeMessage('heartbeat', { terminalId: 'NW-1', ts: T + 1000, payload: { uptimeS: 11 } })],
      [],
    );
    expect(await latest('NW-1')).toMatchObject({ heartbeat: { uptimeS: 15 }, signal: { rsrpDbm: -90 } });
  });

  it('dates a Will judged after its terminal’s traffic just after the newest traffic stored, heard by another process or not', async () => {
    const online = async (terminalId: string) => {
      const { rows } = await sql<{ online: boolean; ts_ms: number }>`
        select l.online, extract(epoch from s.ts) * 1000 as ts_ms
        from terminal_latest l join status_changes s using (terminal_id)
        where terminal_id = ${terminalId}`.execute(db().database.db);
      return rows.map((r) => ({ online: r.online, ts: Number(r.ts_ms) }));
    };
    // This process heard only an older heartbeat; another stored the newer one.
    const elsewhere = new SqlTelemetryStore(db().database);
    const here = new SqlTelemetryStore(db().database);
    for (const terminalId of ['WD-1', 'WD-2']) {
      await elsewhere.storeBatch([makeMessage('heartbeat', { terminalId, ts: T + 10 * 60_000 })], []);
    }
    const will = (terminalId: string, afterTraffic: boolean) => {
      const message = makeMessage('status', {
        terminalId,
        ts: T + 9 * 60_000,
        payload: { online: false, reason: 'lost' },
      });
      return afterTraffic ? { ...message, afterTraffic: true as const } : message;
    };
    await here.storeBatch([will('WD-1', true), will('WD-2', false)], []);
    // The Will took effect after the link's traffic: offline, just after the newest heartbeat.
    expect(await online('WD-1')).toEqual([{ online: false, ts: T + 10 * 60_000 + 1 }]);
    // A stale offline status (a store-and-forward flush) keeps its ts and undoes nothing.
    expect(await online('WD-2')).toEqual([{ online: true, ts: T + 9 * 60_000 }]);
  });

  it('records a first-seen terminal as unregistered together with its latest row', async () => {
    const store = new SqlTelemetryStore(db().database);
    await store.storeBatch(
      [
        makeMessage('paper', { terminalId: 'NEW-1', ts: T }),
        makeMessage('paper', { terminalId: 'NEW-2', ts: T }),
      ],
      [],
    );
    const { rows } = await sql<{ terminal_id: string; registered: boolean }>`
      select t.terminal_id, t.registered from terminals t join terminal_latest l using (terminal_id)
      where t.terminal_id like 'NEW-%' order by 1`.execute(db().database.db);
    expect(rows).toEqual([
      { terminal_id: 'NEW-1', registered: false },
      { terminal_id: 'NEW-2', registered: false },
    ]);
  });

  it('applies concurrent batches that both carry a first-seen terminal', async () => {
    const store = new SqlTelemetryStore(db().database);
    const batches = Array.from({ length: 6 }, (_, i) => [
      makeMessage(i % 2 === 0 ? 'heartbeat' : 'signal', { terminalId: `CC-${i >> 1}`, ts: T + i, seq: i }),
      ...Array.from({ length: 50 }, (_, j) => makeMessage('paper', { terminalId: `CC-X${i}-${j}`, ts: T })),
    ]);
    await Promise.all(batches.map((batch) => store.storeBatch(batch, [])));
    for (const id of ['CC-0', 'CC-1', 'CC-2']) {
      const row = await latest(id);
      expect(row?.heartbeat).not.toBeNull();
      expect(row?.signal).not.toBeNull();
    }
  });

  it('plans the latest-state UPDATE as key lookups in batch order, however large the batch', async () => {
    const store = new SqlTelemetryStore(db().database);
    const ids = Array.from({ length: 3000 }, (_, i) => `PL-${String(i).padStart(5, '0')}`);
    await store.storeBatch(
      ids.map((terminalId) => makeMessage('paper', { terminalId, ts: T })),
      [],
    );
    await sql`analyze terminal_latest`.execute(db().database.db);
    const upsert = latestUpsert(
      foldLatest(ids.map((terminalId) => makeMessage('paper', { terminalId, ts: T + 1 }))),
    );
    const plan = await kyselyRunner(db().database.db)<{ 'QUERY PLAN': string }>(
      `explain ${upsert.update}`,
      upsert.parameters,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('Index Scan using terminal_latest_pkey');
    expect(text).not.toMatch(/Seq Scan on terminal_latest|Hash Join|Merge Join/);
  });
});

import { decodeFleetMap } from '@fleet/telemetry/api/fleet-map-codec';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitListener } from '../ingest/ingest-pipeline';
import type { IngestService } from '../ingest/ingest.service';
import { TerminalChangeFeed } from '../live/terminal-change-feed';
import type { RiskChangeListener, RiskService } from '../risk/risk.service';
import { FleetRepository } from '../storage/repositories/fleet.repository';
import { LiveRepository } from '../storage/repositories/live.repository';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { makeMessage } from '../storage/testing/telemetry-factory';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { FleetMapSnapshot } from './fleet-map-snapshot';

const postgresUp = await postgresAvailableOrSkip();

const place = (terminalId: string, region: string, merchantId: string, lat: number, lon: number) => ({
  terminalId,
  merchantId,
  merchantName: `Shop ${merchantId}`,
  region,
  lat,
  lon,
});

/** The map's in-memory snapshot over the real repositories, kept current by the real change feed. */
describe.each(['embedded', 'postgres'] as const)('FleetMapSnapshot on the %s driver', (kind) => {
  describe.skipIf(kind === 'postgres' && !postgresUp)('', () => {
    let test: TestDatabase;
    let terminals: TerminalsRepository;
    let store: SqlTelemetryStore;
    let feed: TerminalChangeFeed;
    let snapshot: FleetMapSnapshot;
    const committed = new Set<CommitListener>();
    const riskListeners = new Set<RiskChangeListener>();

    beforeAll(async () => {
      test = await createTestDatabase(kind);
      terminals = new TerminalsRepository(test.database);
      store = new SqlTelemetryStore(test.database);
      await terminals.importTerminals([
        place('MAP-1', 'Shanghai', 'M1', 31.230416, 121.473701),
        place('MAP-2', 'Beijing', 'M2', 39.904211, 116.407395),
        place('MAP-3', 'Shanghai', 'M3', 31.3, 121.5),
      ]);
      // Heard from but never imported: no location, so not on the map.
      await store.storeBatch([makeMessage('heartbeat', { terminalId: 'MAP-STRAY', seq: 1 })], []);
      const ingest = { onCommitted: (l: CommitListener) => (committed.add(l), () => committed.delete(l)) };
      const risk = { onChanged: (l: RiskChangeListener) => (riskListeners.add(l), () => riskListeners.delete(l)) };
      feed = new TerminalChangeFeed(
        ingest as unknown as IngestService,
        risk as unknown as RiskService,
        terminals,
        new LiveRepository(test.database),
      );
      snapshot = new FleetMapSnapshot(new FleetRepository(test.database), feed);
      feed.onApplicationBootstrap();
      snapshot.onApplicationBootstrap();
    });
    afterAll(async () => {
      snapshot?.onModuleDestroy();
      feed?.onModuleDestroy();
      await test?.drop();
    });

    const mapFor = async (scope: Parameters<FleetMapSnapshot['body']>[0]) =>
      decodeFleetMap(JSON.parse((await snapshot.body(scope)).json.toString()));
    const ingest = async (...messages: Parameters<SqlTelemetryStore['storeBatch']>[0]) => {
      await store.storeBatch(messages, []);
      for (const listener of committed) listener({ messages, deadLetters: [] } as never);
    };
    const eventually = async (check: () => Promise<void>) => {
      const until = Date.now() + 5000;
      for (;;) {
        try {
          return await check();
        } catch (error) {
          if (Date.now() > until) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };

    it('lists every located terminal with its place, within the caller scope', async () => {
      const all = await mapFor({ kind: 'all' });
      expect(all.ids).toEqual(['MAP-1', 'MAP-2', 'MAP-3']);
      expect(all.region).toEqual(['Shanghai', 'Beijing', 'Shanghai']);
      expect(all.lat[1]).toBeCloseTo(39.90421, 5);
      expect(all.online).toEqual([2, 2, 2]);
      expect((await mapFor({ kind: 'regions', regions: ['Beijing'] })).ids).toEqual(['MAP-2']);
      expect((await mapFor({ kind: 'merchants', merchantIds: ['M3', 'M9'] })).ids).toEqual(['MAP-3']);
      expect((await mapFor({ kind: 'regions', regions: [] })).ids).toEqual([]);
    });

    it('keeps the serialised answer while nothing the map shows changes', async () => {
      const before = await snapshot.body({ kind: 'all' });
      await ingest(makeMessage('status', { terminalId: 'MAP-1', seq: 1, payload: { online: true } }));
      await eventually(async () => expect((await mapFor({ kind: 'all' })).online[0]).toBe(1));
      const online = await snapshot.body({ kind: 'all' });
      expect(online).not.toBe(before);
      // A heartbeat of an online terminal changes nothing visible: same bytes, no rebuild.
      await ingest(makeMessage('heartbeat', { terminalId: 'MAP-1', seq: 2 }));
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await snapshot.body({ kind: 'all' })).toBe(online);
      expect((await online.gzip()).length).toBeLessThan(online.json.length);
    });

    it('shows an import on the very next read, without waiting for the batched feed', async () => {
      await terminals.importTerminals([place('MAP-5', 'Chengdu', 'M5', 30.66, 104.07)]);
      const map = await mapFor({ kind: 'all' });
      expect(map.region[map.ids.indexOf('MAP-5')]).toBe('Chengdu');
    });

    it('follows status, carrier, risk and imports through the change feed', async () => {
      await ingest(
        makeMessage('status', { terminalId: 'MAP-2', seq: 1, payload: { online: false, reason: 'lwt' } }),
        makeMessage('signal', { terminalId: 'MAP-3', seq: 1, payload: { mccMnc: '46011' } }),
      );
      await sql`update terminal_latest set risk_score = 80, causes = '[{"code":"SIM_DATA"}]'::jsonb
        where terminal_id = 'MAP-3'`.execute(test.database.db);
      for (const listener of riskListeners) listener({ changed: [], removed: ['MAP-3'] });
      await terminals.importTerminals([place('MAP-1', 'Hangzhou', 'M1', 30.27, 120.15), place('MAP-4', 'Beijing', 'M4', 39.9, 116.4)]);
      await eventually(async () => {
        const map = await mapFor({ kind: 'all' });
        expect(map.ids).toEqual(['MAP-1', 'MAP-2', 'MAP-3', 'MAP-5', 'MAP-4']);
        expect(map.online.slice(0, 2)).toEqual([1, 0]);
        expect([map.mccMnc[2], map.riskScore[2], map.topCause[2]]).toEqual(['46011', 80, 'SIM_DATA']);
        expect([map.region[0], map.lat[0]]).toEqual(['Hangzhou', 30.27]);
      });
      expect((await mapFor({ kind: 'regions', regions: ['Beijing'] })).ids).toEqual(['MAP-2', 'MAP-4']);
    });
  });
});

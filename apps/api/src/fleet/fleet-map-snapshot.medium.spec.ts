import { decodeFleetMap } from '@fleet/telemetry/api/fleet-map-codec';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validPayload } from '../ingest/testing/terminal-messages';
import { startIngest, type IngestHarness } from '../ingest/testing/ingest-harness';
import { TerminalChangeFeed } from '../live/terminal-change-feed';
import type { RiskChangeListener, RiskService } from '../risk/risk.service';
import { FleetRepository } from '../storage/repositories/fleet.repository';
import { LiveRepository } from '../storage/repositories/live.repository';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import { describeOnEachDriver } from '../storage/testing/each-driver.medium';
import { FleetMapSnapshot } from './fleet-map-snapshot';

const place = (terminalId: string, region: string, merchantId: string, lat: number, lon: number) => ({
  terminalId,
  merchantId,
  merchantName: `Shop ${merchantId}`,
  region,
  lat,
  lon,
});

/**
 * The map's in-memory snapshot over the real repositories, kept current by the real change
 * feed, which hears commits from the real ingest (embedded broker → validation → store) and
 * risk changes as the engine announces them. Each test uses terminals of its own.
 */
describeOnEachDriver('FleetMapSnapshot on the %s driver', (db) => {
  describe('', () => {
    let terminals: TerminalsRepository;
    let ingestHarness: IngestHarness;
    let publisher: mqtt.MqttClient;
    let feed: TerminalChangeFeed;
    let snapshot: FleetMapSnapshot;
    let seq = 0;
    const riskListeners = new Set<RiskChangeListener>();

    beforeAll(async () => {
      terminals = new TerminalsRepository(db().database);
      ingestHarness = await startIngest({
        store: new SqlTelemetryStore(db().database),
        clock: { now: () => Date.now() },
        protocolVersion: 4,
      });
      publisher = await mqtt.connectAsync(ingestHarness.endpoint.url, {
        protocolVersion: 4,
        clientId: 'map-spec',
      });
      const risk = {
        onChanged: (l: RiskChangeListener) => (riskListeners.add(l), () => riskListeners.delete(l)),
      };
      feed = new TerminalChangeFeed(
        ingestHarness.ingest,
        risk as unknown as RiskService,
        terminals,
        new LiveRepository(db().database),
      );
      snapshot = new FleetMapSnapshot(new FleetRepository(db().database), feed);
      feed.onApplicationBootstrap();
      snapshot.onApplicationBootstrap();
    });
    afterAll(async () => {
      snapshot?.onModuleDestroy();
      feed?.onModuleDestroy();
      await publisher?.endAsync();
      await ingestHarness?.close();
    });

    /** Publishes as a terminal does and waits until the ingestor has committed it. */
    const publish = async (...messages: Array<[string, Channel, Record<string, unknown>]>) => {
      const before = ingestHarness.stats().stored;
      for (const [tid, channel, overrides] of messages) {
        const payload = validPayload(channel, Date.now() - 1000, ++seq, overrides as never);
        await publisher.publishAsync(topicFor(tid, channel), JSON.stringify(payload), { qos: 1 });
      }
      await ingestHarness.until((s) => s.stored >= before + messages.length);
    };

    const mapFor = async (scope: Parameters<FleetMapSnapshot['body']>[0]) =>
      decodeFleetMap(JSON.parse((await snapshot.body(scope)).json.toString()));
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

    /** The map's rows of `ids`, by id. */
    const rowsOf = async (
      ids: readonly string[],
      scope: Parameters<FleetMapSnapshot['body']>[0] = { kind: 'all' },
    ) => {
      const map = await mapFor(scope);
      return map.ids
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => ids.includes(id))
        .map(({ id, i }) => ({
          id,
          region: map.region[i],
          lat: map.lat[i],
          online: map.online[i],
          mccMnc: map.mccMnc[i],
          riskScore: map.riskScore[i],
          topCause: map.topCause[i],
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    };

    it('lists every located terminal with its place, within the caller scope, and no unlocated one', async () => {
      await terminals.importTerminals([
        place('LS-1', 'Shanghai', 'LS-M1', 31.230416, 121.473701),
        place('LS-2', 'Beijing', 'LS-M2', 39.904211, 116.407395),
        place('LS-3', 'Shanghai', 'LS-M3', 31.3, 121.5),
      ]);
      // Heard from but never imported: no location, so not on the map.
      await publish(['LS-STRAY', 'heartbeat', {}]);
      const ids = ['LS-1', 'LS-2', 'LS-3', 'LS-STRAY'];
      const rows = await rowsOf(ids);
      expect(rows.map((r) => [r.id, r.region, r.online])).toEqual([
        ['LS-1', 'Shanghai', 2],
        ['LS-2', 'Beijing', 2],
        ['LS-3', 'Shanghai', 2],
      ]);
      expect(rows[1]!.lat).toBeCloseTo(39.90421, 5);
      expect((await rowsOf(ids, { kind: 'regions', regions: ['Beijing'] })).map((r) => r.id)).toEqual([
        'LS-2',
      ]);
      expect(
        (await rowsOf(ids, { kind: 'merchants', merchantIds: ['LS-M3', 'M9'] })).map((r) => r.id),
      ).toEqual(['LS-3']);
      expect((await mapFor({ kind: 'regions', regions: [] })).ids).toEqual([]);
    });

    it('keeps the serialised answer while nothing the map shows changes', async () => {
      await terminals.importTerminals([place('KS-1', 'Shanghai', 'KS-M1', 31.2, 121.4)]);
      await publish(['KS-1', 'status', { online: true }]);
      await eventually(async () => expect((await rowsOf(['KS-1']))[0]?.online).toBe(1));
      const online = await snapshot.body({ kind: 'all' });
      // A heartbeat of an online terminal changes nothing visible: same bytes, no rebuild.
      await publish(['KS-1', 'heartbeat', {}]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await snapshot.body({ kind: 'all' })).toBe(online);
      expect((await online.gzip()).length).toBeLessThan(online.json.length);
    });

    it('shows an import on the very next read, without waiting for the batched feed', async () => {
      await terminals.importTerminals([place('IM-1', 'Chengdu', 'IM-M1', 30.66, 104.07)]);
      expect((await rowsOf(['IM-1']))[0]?.region).toBe('Chengdu');
    });

    it('follows status, carrier, risk and re-imports through the change feed', async () => {
      await terminals.importTerminals([
        place('CF-1', 'Shanghai', 'CF-M1', 31.2, 121.4),
        place('CF-2', 'Beijing', 'CF-M2', 39.9, 116.4),
        place('CF-3', 'Shanghai', 'CF-M3', 31.3, 121.5),
      ]);
      await publish(
        ['CF-1', 'status', { online: true }],
        ['CF-2', 'status', { online: false, reason: 'lost' }],
        ['CF-3', 'signal', { mccMnc: '46011' }],
      );
      await sql`update terminal_latest set risk_score = 80, causes = '[{"code":"SIM_DATA_EXHAUSTION"}]'::jsonb
        where terminal_id = 'CF-3'`.execute(db().database.db);
      for (const listener of riskListeners) listener({ changed: [], removed: ['CF-3'] });
      await terminals.importTerminals([place('CF-1', 'Hangzhou', 'CF-M1', 30.27, 120.15)]);
      await eventually(async () => {
        const rows = await rowsOf(['CF-1', 'CF-2', 'CF-3']);
        expect(rows.map((r) => r.online)).toEqual([1, 0, 1]);
        expect([rows[2]!.mccMnc, rows[2]!.riskScore, rows[2]!.topCause]).toEqual([
          '46011',
          80,
          'SIM_DATA_EXHAUSTION',
        ]);
        expect([rows[0]!.region, rows[0]!.lat]).toEqual(['Hangzhou', 30.27]);
      });
      expect(
        (await rowsOf(['CF-1', 'CF-2', 'CF-3'], { kind: 'regions', regions: ['Beijing'] })).map((r) => r.id),
      ).toEqual(['CF-2']);
    });
  });
});

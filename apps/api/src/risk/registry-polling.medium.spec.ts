import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { FleetRisk } from './fleet-risk';
import { RegistryPolling } from './registry-polling';
import { RiskRepository } from './risk.repository';

const postgresUp = await postgresAvailableOrSkip();

const shop = (terminalId: string, region: string) => ({
  terminalId,
  merchantId: `M-${terminalId}`,
  merchantName: `Shop ${terminalId}`,
  region,
  lat: 39.9,
  lon: 116.4,
});

describe.skipIf(!postgresUp)('registry polling (PostgreSQL)', () => {
  let test: TestDatabase;
  let fleet: FleetRisk;
  let polling: RegistryPolling;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    fleet = new FleetRisk();
    polling = new RegistryPolling(new RiskRepository(test.database), fleet, () => true);
    await polling.beforeLoad();
  });

  afterAll(async () => {
    await test?.drop();
  });

  const regionOf = (id: string) => fleet.terminals.get(id)?.meta.region;

  it('brings an import committed since the last poll into the engine', async () => {
    await new TerminalsRepository(test.database).importTerminals([shop('REG-1', 'Beijing')]);
    await polling.refresh();
    expect(regionOf('REG-1')).toBe('Beijing');
  });

  it('sees, on the next poll, an import whose transaction began before a poll and committed after it', async () => {
    const importer = new pg.Client({ connectionString: test.databaseUrl });
    await importer.connect();
    try {
      await importer.query('begin');
      await importer.query(
        `insert into terminals (terminal_id, merchant_id, merchant_name, region, lat, lon, registered)
         values ('REG-2', 'M-2', 'Shop 2', 'Shanghai', 31.2, 121.5, true)`,
      );
      // Stamped now (its transaction's start), visible only after the commit below.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await polling.refresh();
      expect(regionOf('REG-2')).toBeUndefined();
      await importer.query('commit');
    } finally {
      await importer.end();
    }
    await polling.refresh();
    expect(regionOf('REG-2')).toBe('Shanghai');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrations/migrate';
import { applyRetention } from '../retention';
import { openEmbeddedDatabase } from './open-embedded-database';

describe('embedded TimescaleDB across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-embedded-reopen-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the licensed TimescaleDB functions working when a data dir is reopened', async () => {
    const first = await openEmbeddedDatabase(dataDir);
    expect(first.mode).toBe('timescale');
    await migrateToLatest(first);
    await applyRetention(first, 30);
    await first.close();

    // A second process start: retention, compression and aggregates must still work.
    const second = await openEmbeddedDatabase(dataDir);
    try {
      expect(second.mode).toBe('timescale');
      expect(await migrateToLatest(second)).toEqual([]);
      await expect(applyRetention(second, 14)).resolves.toBeUndefined();
      const { rows } = await sql<{ jobs: number }>`
        select count(*)::int as jobs from timescaledb_information.jobs where proc_name = 'policy_retention'
      `.execute(second.db);
      expect(rows[0]!.jobs).toBeGreaterThan(0);
      await expect(
        sql`call refresh_continuous_aggregate('signal_hourly', null, null)`.execute(second.db),
      ).resolves.toBeDefined();
    } finally {
      await second.close();
    }
  });
});

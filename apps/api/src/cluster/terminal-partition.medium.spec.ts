import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { PARTITION_COUNT, partitionCondition, partitionOf } from './terminal-partition';

const postgresUp = await postgresAvailableOrSkip();

describe.runIf(postgresUp)('terminal partitions on PostgreSQL', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('puts every terminal in the same partition in SQL as in the engine, spread over all of them', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `T-${i}-${(i * 7919).toString(36)}`);
    const { rows } = await sql<{ id: string; partition: number }>`
      select id, get_byte(decode(md5(id), 'hex'), 0) % ${PARTITION_COUNT} as partition
      from unnest(${`{${ids.join(',')}}`}::text[]) as u(id)`.execute(test.database.db);
    expect(rows.map((r) => [r.id, Number(r.partition)])).toEqual(ids.map((id) => [id, partitionOf(id)]));
    expect(new Set(rows.map((r) => Number(r.partition))).size).toBe(PARTITION_COUNT);
  });

  it('filters a load to the terminals of the given partitions', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `P-${i}`);
    const wanted = [3, 17, 40];
    const { rows } = await sql<{ id: string }>`
      select id from unnest(${`{${ids.join(',')}}`}::text[]) as u(id)
      where ${partitionCondition('id', wanted)} order by id`.execute(test.database.db);
    expect(rows.map((r) => r.id)).toEqual(ids.filter((id) => wanted.includes(partitionOf(id))).sort());
    expect(rows.length).toBeGreaterThan(0);
  });
});

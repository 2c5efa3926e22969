import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { applyScope } from './apply-scope';
import type { Scope } from './scope';

describe('applyScope on the real terminals table', () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase('embedded');
    await testDb.database.db
      .insertInto('terminals')
      .values([
        { terminal_id: 'N1', region: 'north', merchant_id: 'M1' },
        { terminal_id: 'N2', region: 'north', merchant_id: 'M2' },
        { terminal_id: 'S1', region: 'south', merchant_id: 'M1' },
        { terminal_id: 'U1', region: null, merchant_id: null },
      ])
      .execute();
  });
  afterAll(async () => {
    await testDb.drop();
  });

  const visible = async (scope: Scope) =>
    (
      await applyScope(
        testDb.database.db.selectFrom('terminals').select('terminal_id').orderBy('terminal_id'),
        scope,
      ).execute()
    ).map((row) => row.terminal_id);

  it.each<[Scope, string[]]>([
    [{ kind: 'all' }, ['N1', 'N2', 'S1', 'U1']],
    [{ kind: 'regions', regions: ['north'] }, ['N1', 'N2']],
    [{ kind: 'regions', regions: ['south', "north' or 1=1 --"] }, ['S1']],
    [{ kind: 'merchants', merchantIds: ['M1'] }, ['N1', 'S1']],
    [{ kind: 'regions', regions: [] }, []],
    [{ kind: 'merchants', merchantIds: [] }, []],
  ])('%j sees %j', async (scope, expected) => {
    expect(await visible(scope)).toEqual(expected);
  });

  it('filters an aliased terminals table through the columns option', async () => {
    const rows = await applyScope(
      testDb.database.db.selectFrom('terminals as t').select('t.terminal_id').orderBy('t.terminal_id'),
      { kind: 'merchants', merchantIds: ['M2'] },
      { region: 't.region', merchantId: 't.merchant_id' },
    ).execute();
    expect(rows).toEqual([{ terminal_id: 'N2' }]);
  });
});

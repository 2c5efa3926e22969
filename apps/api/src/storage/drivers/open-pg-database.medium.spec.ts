import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { postgresAvailableOrSkip } from '../testing/require-postgres';
import { TEST_POSTGRES_URL } from '../testing/test-database';
import { freePort } from '../../../../../test/support/free-port';

const postgresUp = await postgresAvailableOrSkip();

describe('openDatabase on a server', () => {
  it('fails with one line when nothing listens', async () => {
    const port = await freePort();
    const error = await openDatabase({
      databaseUrl: `postgres://u:pw@127.0.0.1:${port}/db`,
      dataDir: tmpdir(),
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `DATABASE_URL: cannot connect to 127.0.0.1:${port}/db (ECONNREFUSED)`,
    );
  });

  describe.skipIf(!postgresUp)('against the local PostgreSQL', () => {
    const withPath = (user: string, database: string) => {
      const url = new URL(TEST_POSTGRES_URL);
      url.username = user;
      url.pathname = `/${database}`;
      return url.toString();
    };

    it('names an unknown role and an unknown database in one line', async () => {
      const badRole = await openDatabase({
        databaseUrl: withPath('no_such_role', 'postgres'),
        dataDir: tmpdir(),
      }).catch((e: Error) => e);
      expect((badRole as Error).message).toMatch(/^DATABASE_URL: authentication failed for .+ \(28000\)$/);
      const badDb = await openDatabase({
        databaseUrl: withPath('postgres', 'no_such_db'),
        dataDir: tmpdir(),
      }).catch((e: Error) => e);
      expect((badDb as Error).message).toMatch(
        /^DATABASE_URL: database "no_such_db" does not exist on .+ \(3D000\)$/,
      );
    });

    it('runs its queries without JIT compiling, on every connection of the pool', async () => {
      const database = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, dataDir: tmpdir() });
      try {
        const settings = await Promise.all(
          [1, 2, 3].map(() =>
            database.pgTransaction!(
              async (client) => (await client.query<{ jit: string }>('show jit')).rows[0]!.jit,
            ),
          ),
        );
        expect(settings).toEqual(['off', 'off', 'off']);
      } finally {
        await database.close();
      }
    });

    it('rolls pgTransaction work back when it throws, and later work still runs', async () => {
      const database = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, dataDir: tmpdir() });
      try {
        const run = database.pgTransaction!;
        const table = `pg_tx_${process.pid}_rolled_back`;
        const failed = await run(async (client) => {
          await client.query(`create table ${table} (n int)`);
          await client.query('select 1/0');
        }).catch((e: Error) => e);
        expect((failed as Error).message).toBe('division by zero');
        const counted = await run(async (client) => {
          const { rows } = await client.query<{ n: number }>(
            `select count(*)::int as n from pg_tables where tablename = '${table}'`,
          );
          return rows[0]!.n;
        });
        expect(counted).toBe(0);
      } finally {
        await database.close();
      }
    });

    it('opens in postgres mode and logs it', async () => {
      const lines: string[] = [];
      const database = await openDatabase({
        databaseUrl: TEST_POSTGRES_URL,
        dataDir: tmpdir(),
        log: (l) => lines.push(l),
      });
      await database.close();
      expect(database).toMatchObject({ mode: 'postgres', driver: 'pg' });
      expect(lines.at(-1)).toMatch(
        /^database: PostgreSQL 15\.\S+ server 127\.0\.0\.1:5432\/postgres, mode postgres$/,
      );
    });
  });
});

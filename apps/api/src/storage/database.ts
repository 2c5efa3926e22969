import type { Kysely } from 'kysely';
import type { PoolClient } from 'pg';
import type { DB } from './schema/db-schema';

/** `timescale` when the timescaledb extension is installed, else plain PostgreSQL. */
export type DatabaseMode = 'timescale' | 'postgres';
/** `pg` talks to a server over the network; `embedded` runs PGlite in-process. */
export type DatabaseDriverKind = 'pg' | 'embedded';

export interface Database {
  db: Kysely<DB>;
  mode: DatabaseMode;
  driver: DatabaseDriverKind;
  /**
   * The 'pg' driver only: runs `work` in one transaction on a pooled client, committed when
   * it resolves and rolled back when it throws. For named prepared statements, which
   * Kysely cannot send; the hot write path uses them to skip parse/plan on every batch.
   */
  pgTransaction?: <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL/TimescaleDB server; unset means the embedded database under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
}

export const DATABASE = Symbol('DATABASE');

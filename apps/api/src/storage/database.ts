import type { Kysely } from 'kysely';
import type { DB } from './schema/db-schema';

/** `timescale` when the timescaledb extension is installed, else plain PostgreSQL. */
export type DatabaseMode = 'timescale' | 'postgres';
/** `pg` talks to a server over the network; `embedded` runs PGlite in-process. */
export type DatabaseDriverKind = 'pg' | 'embedded';

export interface Database {
  db: Kysely<DB>;
  mode: DatabaseMode;
  driver: DatabaseDriverKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL/TimescaleDB server; unset means the embedded database under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
}

export const DATABASE = Symbol('DATABASE');

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../database';
import { migrateToLatest } from '../migrations/migrate';
import { openDatabase } from '../open-database';

/** The machine's PostgreSQL that medium tests use (trust auth). */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  database: Database;
  /** Set for the postgres kind: the URL of the throw-away database. */
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database; drop() removes every trace of it. */
export async function createTestDatabase(kind: 'embedded' | 'postgres'): Promise<TestDatabase> {
  return kind === 'embedded' ? createEmbedded() : createPostgres();
}

async function createEmbedded(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleet-test-db-'));
  try {
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database);
    return {
      database,
      async drop() {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function createPostgres(): Promise<TestDatabase> {
  const name = `fleet_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let database: Database | undefined;
  try {
    database = await openDatabase({ databaseUrl, dataDir: tmpdir() });
    await migrateToLatest(database);
  } catch (error) {
    await database?.close();
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
  const opened = database;
  return {
    database: opened,
    databaseUrl,
    async drop() {
      await opened.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Whether the machine's PostgreSQL answers; tests skip (or fail under CI) when it does not. */
export async function isPostgresReachable(): Promise<boolean> {
  try {
    await admin('select 1');
    return true;
  } catch {
    return false;
  }
}

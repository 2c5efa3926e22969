import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONFIG, loadConfig } from '../config/app-config';
import { DATABASE, type Database } from './database';
import { DeadLetterRepository } from './repositories/dead-letter.repository';
import { TerminalsRepository } from './repositories/terminals.repository';
import { StorageModule } from './storage.module';
import { TELEMETRY_STORE, type TelemetryStore } from './telemetry-store.port';
import { makeMessage } from './testing/telemetry-factory';

/** The module as the app wires it: embedded database under DATA_DIR, migrated on start. */
describe('StorageModule', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fleet-storage-module-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens, migrates and serves the store and repositories, then closes on shutdown', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, RAW_RETENTION_DAYS: '10' });
    @Global()
    @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
    class TestConfigModule {}
    @Module({ imports: [TestConfigModule, StorageModule] })
    class TestAppModule {}

    const app = await NestFactory.createApplicationContext(TestAppModule, { logger: false });
    app.enableShutdownHooks();
    const database = app.get<Database>(DATABASE);
    expect(database).toMatchObject({ mode: 'timescale', driver: 'embedded' });

    const store = app.get<TelemetryStore>(TELEMETRY_STORE);
    expect(await store.storeBatch([makeMessage('heartbeat', { terminalId: 'MOD-1' })], [])).toMatchObject({
      stored: 1,
    });
    expect(await app.get(TerminalsRepository).summary()).toEqual({
      total: 1,
      online: 1,
      offline: 0,
      unregistered: 1,
    });
    expect(await app.get(DeadLetterRepository).countsByReason()).toEqual([]);

    await app.close();
    await expect(database.db.selectFrom('terminals').selectAll().execute()).rejects.toThrow();
  });
});

import { ConsoleLogger, Global, Module, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule } from '../../app/config.module';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../../broker/broker-endpoint';
import { BrokerModule } from '../../broker/broker.module';
import { loadConfig } from '../../config/app-config';
import { IngestStatsService } from '../../metrics/ingest-stats.service';
import type { IngestStats } from '../../metrics/ingest-metrics';
import { MetricsModule } from '../../metrics/metrics.module';
import { TELEMETRY_STORE, type TelemetryStore } from '../../storage/telemetry-store.port';
import { INGEST_CLOCK, type Clock } from '../clock';
import { IngestModule } from '../ingest.module';
import { IngestService } from '../ingest.service';

export interface IngestHarnessOptions {
  store: TelemetryStore;
  clock: Clock;
  /** External broker; unset starts the embedded one on a free port. */
  mqttUrl?: string;
  protocolVersion: 4 | 5;
  shareGroup?: string;
  env?: Record<string, string>;
}

export interface IngestHarness {
  app: INestApplicationContext;
  ingest: IngestService;
  endpoint: BrokerEndpoint;
  stats(): IngestStats;
  /** Resolves after the first commit at which `done(stats)` holds (checked now and after each commit). */
  until(done: (stats: IngestStats) => boolean): Promise<IngestStats>;
  close(): Promise<void>;
}

/** Boots the real BrokerModule + MetricsModule + IngestModule around a given store and clock. */
export async function startIngest(options: IngestHarnessOptions): Promise<IngestHarness> {
  const config = loadConfig({
    MQTT_URL: options.mqttUrl,
    MQTT_PORT: '0',
    MQTT_PROTOCOL_VERSION: String(options.protocolVersion),
    FLEET_DEVICE_AUTH: 'off',
    INGEST_FLUSH_MS: '20',
    INGEST_SHARE_GROUP: options.shareGroup ?? 'fleet-ingest',
    ...options.env,
  });

  @Global()
  @Module({ providers: [{ provide: TELEMETRY_STORE, useValue: options.store }], exports: [TELEMETRY_STORE] })
  class TestStoreModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      TestStoreModule,
      BrokerModule.forRoot(),
      MetricsModule,
      IngestModule,
    ],
  })
    .overrideProvider(INGEST_CLOCK)
    .useValue(options.clock)
    .setLogger(new ConsoleLogger({ logLevels: ['error'] }))
    .compile();
  const app = await moduleRef.init();
  const ingest = app.get(IngestService);
  const stats = app.get(IngestStatsService);
  const until = (done: (s: IngestStats) => boolean) =>
    new Promise<IngestStats>((resolve) => {
      if (done(stats.snapshot())) return resolve(stats.snapshot());
      const off = ingest.onCommitted(() => {
        const now = stats.snapshot();
        if (!done(now)) return;
        off();
        resolve(now);
      });
    });
  return {
    app,
    ingest,
    endpoint: app.get<BrokerEndpoint>(BROKER_ENDPOINT),
    stats: () => stats.snapshot(),
    until,
    close: () => app.close(),
  };
}

import {
  ConsoleLogger,
  type DynamicModule,
  Global,
  type INestApplicationContext,
  Module,
  type Type,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditModule } from '../../audit/audit.module';
import { ConfigModule } from '../../app/config.module';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../../broker/broker-endpoint';
import { BrokerModule } from '../../broker/broker.module';
import { loadConfig } from '../../config/app-config';
import { IncidentsModule } from '../../incidents/incidents.module';
import { IngestService } from '../../ingest/ingest.service';
import type { IngestStats } from '../../metrics/ingest-metrics';
import { IngestStatsService } from '../../metrics/ingest-stats.service';
import { MetricsModule } from '../../metrics/metrics.module';
import { DATABASE, type Database } from '../../storage/database';
import { TerminalsRepository } from '../../storage/repositories/terminals.repository';
import { RollupJob } from '../../storage/rollups/rollup-job';
import { SqlTelemetryStore } from '../../storage/telemetry/sql-telemetry-store';
import { TELEMETRY_STORE } from '../../storage/telemetry-store.port';
import { DEFAULT_RISK_OPTIONS, RISK_OPTIONS, type RiskOptions } from '../risk-options';
import { RiskModule } from '../risk.module';
import { RiskService } from '../risk.service';

export interface RiskPlatformOptions {
  database: Database;
  risk?: Partial<RiskOptions>;
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
  /** Modules that run on the risk engine too (e.g. AlertsModule). */
  imports?: Array<Type | DynamicModule>;
  /** Providers of those modules replaced for the test (e.g. shorter notification timings). */
  overrides?: Array<{ token: symbol | Type; value: unknown }>;
}

export interface RiskPlatform {
  app: INestApplicationContext;
  risk: RiskService;
  ingest: IngestService;
  terminals: TerminalsRepository;
  /** mqtt://… of the embedded broker. */
  brokerUrl: string;
  stats(): IngestStats;
  /** Resolves once the ingestor has handled `count` messages (stored, duplicate or rejected). */
  ingested(count: number): Promise<IngestStats>;
  /** Resolves once the ingest counts as caught up (nothing buffered, nothing arriving late). */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/** Hands a prepared database to every module, as StorageModule does in the app. */
@Global()
@Module({})
class RiskTestStorageModule {
  static with(database: Database): DynamicModule {
    return {
      module: RiskTestStorageModule,
      providers: [
        { provide: DATABASE, useValue: database },
        { provide: TELEMETRY_STORE, useValue: new SqlTelemetryStore(database) },
        { provide: RollupJob, useValue: new RollupJob(database, { retentionDays: 30, settleMs: 0 }) },
        TerminalsRepository,
      ],
      exports: [DATABASE, TELEMETRY_STORE, RollupJob, TerminalsRepository],
    };
  }
}

/**
 * The platform's real data path for risk tests and the scenario evaluation: embedded aedes
 * broker on a free port → IngestModule → SqlTelemetryStore → RiskModule (+ incidents,
 * audit), over a given, migrated database.
 */
export async function startRiskPlatform(options: RiskPlatformOptions): Promise<RiskPlatform> {
  const config = loadConfig({
    MQTT_PORT: '0',
    FLEET_DEVICE_AUTH: 'off',
    INGEST_FLUSH_MS: '20',
    ...options.env,
  });
  let builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      RiskTestStorageModule.with(options.database),
      BrokerModule.forRoot(),
      MetricsModule,
      AuditModule,
      IncidentsModule,
      RiskModule,
      ...(options.imports ?? []),
    ],
  })
    .overrideProvider(RISK_OPTIONS)
    .useValue({ ...DEFAULT_RISK_OPTIONS, ...options.risk });
  for (const { token, value } of options.overrides ?? [])
    builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.setLogger(new ConsoleLogger({ logLevels: ['error', 'warn'] })).compile();
  const app = await moduleRef.init();
  const ingest = app.get(IngestService);
  const stats = app.get(IngestStatsService);
  const handled = (s: IngestStats) => s.stored + s.duplicates + s.rejected;
  const ingested = (count: number) =>
    new Promise<IngestStats>((resolve) => {
      if (handled(stats.snapshot()) >= count) return resolve(stats.snapshot());
      const off = ingest.onCommitted(() => {
        const now = stats.snapshot();
        if (handled(now) < count) return;
        off();
        resolve(now);
      });
    });
  return {
    app,
    risk: app.get(RiskService),
    ingest,
    terminals: app.get(TerminalsRepository),
    brokerUrl: app.get<BrokerEndpoint>(BROKER_ENDPOINT).url,
    stats: () => stats.snapshot(),
    ingested,
    caughtUp: async () => {
      const deadline = Date.now() + 10_000;
      while (ingest.position().behindMs > 0) {
        if (Date.now() > deadline) throw new Error('the ingest did not catch up within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => app.close(),
  };
}

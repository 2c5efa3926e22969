import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { announceIngestChanges } from '../cluster/ingest-change-announcer';
import { SCHEDULED_JOBS, type RepeatingJob, type ScheduledJobs } from '../cluster/scheduled-jobs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE, type Database } from './database';
import { migrateToLatest } from './migrations/migrate';
import { openDatabase } from './open-database';
import { DeadLetterRepository } from './repositories/dead-letter.repository';
import { RollupsRepository } from './repositories/rollups.repository';
import { TerminalsRepository } from './repositories/terminals.repository';
import { applyRetention } from './retention';
import { RollupJob } from './rollups/rollup-job';
import { SqlTelemetryStore } from './telemetry/sql-telemetry-store';
import { TELEMETRY_STORE } from './telemetry-store.port';

const logger = new Logger('Storage');
const log = (line: string) => logger.log(line);
const ROLLUP_EVERY_MS = 60_000;

/** Opens the database, migrates it and sets retention before anything can use it. */
async function startDatabase(config: AppConfig): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) log(`database: applied migrations ${applied.join(', ')}`);
    await applyRetention(database, config.rawRetentionDays);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Runs the app-side RollupJob where the database cannot schedule its own work (plain
 * PostgreSQL, and the embedded TimescaleDB, which has no background workers), and
 * closes the database last, after other modules have drained on shutdown.
 */
@Injectable()
class StorageLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private repeating: RepeatingJob | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly rollups: RollupJob,
    @Optional() @Inject(SCHEDULED_JOBS) private readonly jobs?: ScheduledJobs,
  ) {}

  onApplicationBootstrap(): void {
    if (this.database.mode !== 'postgres' && this.database.driver !== 'embedded') return;
    // Once per minute across however many processes share the database.
    if (this.jobs === undefined) this.rollups.start();
    else
      this.repeating = this.jobs.repeat(
        'rollups',
        ROLLUP_EVERY_MS,
        () => this.rollups.runOnce(),
        (error) => log(`rollups: run failed: ${error.message}`),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.repeating?.stop();
    await this.rollups.stop();
    await this.database.close();
  }
}

@Global()
@Module({
  providers: [
    { provide: DATABASE, inject: [APP_CONFIG], useFactory: startDatabase },
    {
      provide: TELEMETRY_STORE,
      inject: [DATABASE, APP_CONFIG],
      // In a cluster each commit also announces its messages to the risk process (change feed).
      useFactory: (db: Database, config: AppConfig) =>
        new SqlTelemetryStore(db, config.cluster === undefined ? undefined : announceIngestChanges),
    },
    {
      provide: RollupJob,
      inject: [DATABASE, APP_CONFIG],
      useFactory: (db: Database, config: AppConfig) =>
        new RollupJob(db, { retentionDays: config.rawRetentionDays, log }),
    },
    StorageLifecycle,
    TerminalsRepository,
    DeadLetterRepository,
    RollupsRepository,
  ],
  exports: [
    DATABASE,
    TELEMETRY_STORE,
    RollupJob,
    TerminalsRepository,
    DeadLetterRepository,
    RollupsRepository,
  ],
})
export class StorageModule {}

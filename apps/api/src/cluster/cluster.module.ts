import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE, type Database } from '../storage/database';
import { cleanClusterTables } from './cluster-cleanup';
import { ClusterSession } from './cluster-session';
import { INGEST_CHANGE_FEED, IngestChangeFeed } from './ingest-change-feed';
import { AdvisoryPartitionLeases, AllPartitions, NoPartitions, PARTITION_LEASES } from './partition-leases';
import { TERMINAL_CHANGE_RELAY, TerminalChangeRelay } from './terminal-change-relay';
import {
  ClaimedScheduledJobs,
  localScheduledJobs,
  SCHEDULED_JOBS,
  type RepeatingJob,
  type ScheduledJobs,
} from './scheduled-jobs';

const logger = new Logger('Cluster');
const log = (line: string) => logger.log(line);

/** A standby takes a dead holder's partitions within this (plus the histories' load). */
const LEASE_CHECK_MS = 1000;
/** Backstop for a NOTIFY missed while the session reconnects. */
const FEED_POLL_MS = 1000;
const CLEANUP_EVERY_MS = 60_000;

const CLUSTER_SESSION = Symbol('CLUSTER_SESSION');

/** Starts the change feed before any risk takeover reads histories; closes the session last. */
@Injectable()
class ClusterLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private cleanup: RepeatingJob | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SCHEDULED_JOBS) private readonly jobs: ScheduledJobs,
    @Optional() @Inject(CLUSTER_SESSION) private readonly session?: ClusterSession | null,
    @Optional() @Inject(INGEST_CHANGE_FEED) private readonly feed?: IngestChangeFeed | null,
    @Optional() @Inject(TERMINAL_CHANGE_RELAY) private readonly relay?: TerminalChangeRelay | null,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.feed?.start();
    await this.relay?.start();
  }

  onApplicationBootstrap(): void {
    if (!this.session) return;
    this.cleanup = this.jobs.repeat(
      'cluster-cleanup',
      CLEANUP_EVERY_MS,
      () => cleanClusterTables(this.database.db),
      (error) => log(`cluster: cleaning change rows failed: ${error.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cleanup?.stop();
    await this.feed?.stop();
    await this.session?.close();
  }
}

/**
 * Several processes on one database (issue #15). With FLEET_ROLES unset (the single process
 * of `npm start`) it provides the local stand-ins: every partition held, every job tick run,
 * no change feed (the risk engine hears the ingestor in-process).
 */
@Global()
@Module({
  providers: [
    {
      provide: CLUSTER_SESSION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.cluster === undefined || config.databaseUrl === undefined
          ? null
          : new ClusterSession(config.databaseUrl, log),
    },
    {
      provide: PARTITION_LEASES,
      inject: [APP_CONFIG, CLUSTER_SESSION],
      useFactory: (config: AppConfig, session: ClusterSession | null) => {
        if (session === null) return new AllPartitions();
        // A process without the risk role never takes partitions: it holds none.
        return config.cluster?.roles.has('risk') === true
          ? new AdvisoryPartitionLeases(session, LEASE_CHECK_MS, log)
          : new NoPartitions();
      },
    },
    {
      provide: INGEST_CHANGE_FEED,
      inject: [APP_CONFIG, DATABASE, CLUSTER_SESSION],
      useFactory: (config: AppConfig, database: Database, session: ClusterSession | null) =>
        session !== null && config.cluster?.roles.has('risk') === true
          ? new IngestChangeFeed(database.db, session, FEED_POLL_MS, log)
          : null,
    },
    {
      provide: TERMINAL_CHANGE_RELAY,
      inject: [APP_CONFIG, CLUSTER_SESSION],
      useFactory: (config: AppConfig, session: ClusterSession | null) =>
        session !== null && config.cluster !== undefined
          ? new TerminalChangeRelay(session, config.cluster.nodeId, log)
          : null,
    },
    {
      provide: SCHEDULED_JOBS,
      inject: [APP_CONFIG, DATABASE],
      useFactory: (config: AppConfig, database: Database): ScheduledJobs =>
        config.cluster === undefined
          ? localScheduledJobs
          : new ClaimedScheduledJobs(database.db, config.cluster.nodeId, () => Date.now(), log),
    },
    ClusterLifecycle,
  ],
  exports: [PARTITION_LEASES, INGEST_CHANGE_FEED, TERMINAL_CHANGE_RELAY, SCHEDULED_JOBS],
})
export class ClusterModule {}

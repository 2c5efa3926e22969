import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import type { AtRiskResponse, IncidentView } from '@fleet/telemetry/api/risk';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { TerminalHistory } from '@fleet/telemetry/risk/history';
import type { Scope } from '../auth/scope/scope';
import { INGEST_CHANGE_FEED, type IngestChangeFeed } from '../cluster/ingest-change-feed';
import { AllPartitions, PARTITION_LEASES, type PartitionLeases } from '../cluster/partition-leases';
import { PARTITION_COUNT } from '../cluster/terminal-partition';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { IngestService } from '../ingest/ingest.service';
import { RollupJob } from '../storage/rollups/rollup-job';
import { EngineClock } from './engine-clock';
import { FleetRisk, type RiskChanges } from './fleet-risk';
import { HistoryCache } from './history-cache';
import { IncidentTracking } from './incident-tracking';
import { RegistryPolling } from './registry-polling';
import { ReplayClock } from './replay-clock';
import { RiskChangeBus, type RiskChangeListener } from './risk-change-bus';
import { RISK_OPTIONS, type RiskOptions } from './risk-options';
import { assessedView, atRiskItem, incidentView } from './risk-views';
import { RiskRepository } from './risk.repository';
import { RiskWriter } from './risk-writer';
import { runInSlices, SweepSchedule } from './sweep-schedule';

export type { RiskChangeEvent, RiskChangeListener } from './risk-change-bus';

export interface AtRiskQuery {
  limit: number;
  cause?: string;
}

/**
 * The risk engine of this process: takes over the partitions its leases give it (the
 * single process: all of them, at start), re-assesses touched terminals at once and all of
 * them every few seconds, tracks fleet incidents and writes what changed. The parts each do
 * one job: HistoryCache, ReplayClock/EngineClock, SweepSchedule, IncidentTracking,
 * RegistryPolling, RiskChangeBus, RiskWriter.
 */
@Injectable()
export class RiskService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Risk');
  private readonly fleet: FleetRisk;
  private readonly writer: RiskWriter;
  private readonly bus = new RiskChangeBus();
  private readonly replay: ReplayClock;
  private readonly clock: EngineClock;
  private readonly histories: HistoryCache;
  private readonly incidentTracking: IncidentTracking;
  private readonly registry: RegistryPolling;
  private readonly schedule: SweepSchedule;
  private readonly leases: PartitionLeases;
  private touched = new Set<string>();
  private assessScheduled = false;
  private takeovers: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly repository: RiskRepository,
    incidentsRepository: IncidentsRepository,
    ingest: IngestService,
    @Inject(RISK_OPTIONS) private readonly options: RiskOptions,
    @Optional() private readonly rollups?: RollupJob,
    @Optional() @Inject(PARTITION_LEASES) leases?: PartitionLeases,
    @Optional() @Inject(INGEST_CHANGE_FEED) feed?: IngestChangeFeed,
  ) {
    this.leases = leases ?? new AllPartitions();
    this.fleet = new FleetRisk(options.config);
    this.writer = new RiskWriter(repository, incidentsRepository, (error) =>
      this.logger.warn(`saving risk results failed, will retry: ${(error as Error).message}`),
    );
    this.replay = new ReplayClock(options.now);
    this.clock = new EngineClock(options.now, this.replay, () => (feed ?? ingest).position());
    this.histories = new HistoryCache(this.fleet, repository, this.leases);
    this.incidentTracking = new IncidentTracking(incidentsRepository);
    this.registry = new RegistryPolling(repository, this.fleet, (id) => this.leases.holdsTerminal(id));
    this.schedule = new SweepSchedule(options.sweepIntervalMs, () => this.runSweep());
    // Subscribed before ingest starts, so no batch is missed while the histories load.
    this.unsubscribe =
      feed?.onMessages((messages) => this.ingestMessages(messages)) ??
      ingest.onCommitted((batch) => this.ingestMessages(batch.messages));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.leases.on('taken', (partitions) => {
      this.takeovers = this.takeovers.then(() => this.takeOver(partitions));
    });
    this.leases.on('lost', (partitions) => this.letGo(partitions));
    this.leases.start();
    // The single process holds everything at once: it is ready when its histories are.
    await this.takeovers;
    this.schedule.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.schedule.stop();
    await this.takeovers;
    await this.writer.idle();
    await this.leases.stop();
  }

  /**
   * Whether this process judges the whole fleet now: it holds every partition and has their
   * histories. Alert evaluation and dispatch, which need the fleet-wide view, run only then.
   */
  get active(): boolean {
    return this.leases.held().size === PARTITION_COUNT && this.histories.loaded;
  }

  /** Subscribes to changed assessments; returns the unsubscribe. */
  onChanged(listener: RiskChangeListener): () => void {
    return this.bus.subscribe(listener);
  }

  /** The open incidents as of the last sweep. */
  incidents(): IncidentView[] {
    return this.fleet.incidents.map(incidentView);
  }

  /** Judge at replay time from now on, until endReplayWhenCaughtUp() and live data meet. */
  beginReplay(): void {
    this.replay.begin();
  }

  /** Back to the wall clock once device time has caught up with it (live data flowing). */
  endReplayWhenCaughtUp(): void {
    this.replay.endWhenCaughtUp();
  }

  /** Back to the wall clock at once (a replay that failed part-way). */
  endReplay(): void {
    this.replay.end();
  }

  get replaying(): boolean {
    return this.replay.replaying;
  }

  /** Folds validated messages in; their terminals are re-assessed right after. */
  ingestMessages(messages: readonly TelemetryMessage[]): void {
    this.replay.advance(messages);
    for (const id of this.histories.apply(messages)) this.touched.add(id);
    this.scheduleAssessment();
  }

  /** Re-assesses every terminal, tracks incidents and saves what changed. One at a time. */
  sweep(): Promise<void> {
    return this.schedule.now();
  }

  /** Resolves once pending assessments and writes are done (tests, evaluation). */
  async settled(): Promise<void> {
    if (this.assessScheduled) this.assessTouched();
    await this.schedule.idle();
    await this.writer.idle();
  }

  async atRisk(scope: Scope, query: AtRiskQuery): Promise<AtRiskResponse> {
    const rows = await this.repository.atRisk({
      scope,
      limit: query.limit,
      cause: query.cause,
      contactSince: new Date(this.options.now() - this.options.contactMarkerMs),
    });
    return { items: rows.map(atRiskItem), generatedAt: new Date(this.options.now()).toISOString() };
  }

  /** The engine's current view of one terminal's history (read-only use). */
  history(terminalId: string): TerminalHistory | undefined {
    return this.fleet.terminals.get(terminalId);
  }

  /** Rebuilds the partitions' histories from the database, then judges them. */
  private async takeOver(partitions: number[]): Promise<void> {
    const started = Date.now();
    const now = this.options.now();
    try {
      // Fold recently received rows into the rollup tables first, so the load sees them.
      if (this.rollups !== undefined) await this.rollups.runOnce().catch(() => undefined);
      await this.registry.beforeLoad();
      for (const id of await this.histories.load(partitions, now)) this.touched.add(id);
      await this.incidentTracking.load();
    } catch (error) {
      this.logger.error(`risk: loading ${partitions.length} partitions failed: ${(error as Error).message}`);
      return;
    }
    if (!this.active) return;
    this.touched.clear(); // the sweep judges every terminal
    await this.sweep();
    await this.writer.idle();
    this.logger.log(`risk: loaded ${this.fleet.terminals.size} terminals in ${Date.now() - started} ms`);
  }

  private letGo(partitions: number[]): void {
    this.histories.drop(partitions);
    this.writer.dropScores((id) => !this.leases.holdsTerminal(id));
    this.logger.warn(`risk: let go of ${partitions.length} partitions; another process judges them now`);
  }

  private scheduleAssessment(): void {
    if (this.assessScheduled) return;
    this.assessScheduled = true;
    // Batches committed back to back are assessed together.
    setImmediate(() => this.assessTouched());
  }

  private assessTouched(): void {
    this.assessScheduled = false;
    if (!this.active) return; // kept in `touched` until the takeover's sweep judges them all
    const ids = this.touched;
    this.touched = new Set();
    const now = this.clock.now();
    if (now !== undefined) this.publish(this.fleet.assess(ids, now));
  }

  private async runSweep(): Promise<void> {
    if (!this.active) return;
    try {
      await this.registry.refresh();
      const now = this.clock.now();
      if (now === undefined) return;
      const changes = await runInSlices(this.fleet.sweepSteps(now, this.incidentTracking.stabilize));
      const incidents = this.incidentTracking.takeChanges();
      this.writer.queueIncidents(incidents.upserts, incidents.ended, now);
      this.publish(changes);
      this.writer.kick();
    } catch (error) {
      this.logger.error(`risk sweep failed: ${(error as Error).message}`);
    }
  }

  private publish(changes: RiskChanges): void {
    if (changes.changed.length === 0) return;
    const views = changes.changed.map(assessedView);
    this.writer.queueScores(views);
    this.bus.publish({ changed: views, removed: changes.removed });
  }
}

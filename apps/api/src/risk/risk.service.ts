import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import type { AtRiskItem, AtRiskResponse, IncidentView } from '@fleet/telemetry/api/risk';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { TerminalHistory } from '@fleet/telemetry/risk/history';
import type { Scope } from '../auth/scope/scope';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { trackIncidents, type IncidentChanges, type OpenIncident } from '../incidents/incident-tracker';
import { IngestService } from '../ingest/ingest.service';
import { RollupJob } from '../storage/rollups/rollup-job';
import { FleetRisk, type RiskChanges } from './fleet-risk';
import { loadHistories } from './history/load-histories';
import { RISK_OPTIONS, type RiskOptions } from './risk-options';
import { assessedView, atRiskItem, incidentView } from './risk-views';
import { RiskRepository } from './risk.repository';
import { RiskWriter } from './risk-writer';

/** What changed after an update or a sweep, for the live socket. */
export interface RiskChangeEvent {
  /** New or changed assessments (a terminal that became healthy comes with no causes). */
  changed: AtRiskItem[];
  /** Terminals that left the at-risk list. */
  removed: string[];
}
export type RiskChangeListener = (event: RiskChangeEvent) => void;

export interface AtRiskQuery {
  limit: number;
  cause?: string;
}

/** Device time this close to the wall clock means a replay has reached live data. */
const REPLAY_CAUGHT_UP_MS = 30_000;

/**
 * Keeps every terminal's compact history in memory (loaded at start-up, then fed by each
 * committed ingest batch), re-assesses touched terminals at once and all of them every
 * few seconds, tracks fleet incidents, and writes changed scores to terminal_latest.
 */
@Injectable()
export class RiskService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Risk');
  private readonly fleet: FleetRisk;
  private readonly writer: RiskWriter;
  private readonly listeners = new Set<RiskChangeListener>();
  private open: OpenIncident[] = [];
  private early: TelemetryMessage[][] | undefined = [];
  private touched = new Set<string>();
  private assessScheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private registryCheckedAt = new Date(0);
  private sweeping: Promise<void> | undefined;
  /**
   * While stored history is replayed through the broker (the demo's first-start back-fill),
   * the engine judges at the newest device time it has seen instead of the wall clock, so a
   * half-loaded history does not look like a fleet gone silent. See beginReplay().
   */
  private replay: { at?: number; ending: boolean } | undefined;

  constructor(
    private readonly repository: RiskRepository,
    private readonly incidentsRepository: IncidentsRepository,
    private readonly ingest: IngestService,
    @Inject(RISK_OPTIONS) private readonly options: RiskOptions,
    @Optional() private readonly rollups?: RollupJob,
  ) {
    this.fleet = new FleetRisk(options.config);
    this.writer = new RiskWriter(repository, incidentsRepository, (error) =>
      this.logger.warn(`saving risk results failed, will retry: ${(error as Error).message}`),
    );
    // Subscribed before ingest starts, so no batch is missed while the histories load.
    this.unsubscribe = ingest.onCommitted((batch) => this.ingestMessages(batch.messages));
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const now = this.options.now();
    // Fold recently received rows into the rollup tables first, so the load sees them.
    if (this.rollups !== undefined) await this.rollups.runOnce().catch(() => undefined);
    this.registryCheckedAt = new Date();
    loadHistories(this.fleet, await this.repository.loadHistories(now), now);
    this.open = await this.incidentsRepository.open();
    const early = this.early ?? [];
    this.early = undefined;
    for (const messages of early) this.ingestMessages(messages);
    await this.sweep();
    await this.writer.idle();
    this.logger.log(`risk: loaded ${this.fleet.terminals.size} terminals in ${Date.now() - started} ms`);
    this.timer = setInterval(() => void this.sweep(), this.options.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.sweeping;
    await this.writer.idle();
  }

  /** Subscribes to changed assessments; returns the unsubscribe. */
  onChanged(listener: RiskChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The open incidents as of the last sweep. */
  incidents(): IncidentView[] {
    return this.fleet.incidents.map(incidentView);
  }

  /** Judge at replay time from now on, until endReplayWhenCaughtUp() and live data meet. */
  beginReplay(): void {
    this.replay = { ending: false };
  }

  /** Back to the wall clock once device time has caught up with it (live data flowing). */
  endReplayWhenCaughtUp(): void {
    if (this.replay) this.replay.ending = true;
  }

  /** Back to the wall clock at once (a replay that failed part-way). */
  endReplay(): void {
    this.replay = undefined;
  }

  get replaying(): boolean {
    return this.replay !== undefined;
  }

  /**
   * The engine's time; undefined while a replay has not delivered anything yet. While the
   * ingest is behind (a backlog draining, a mass store-and-forward flush, the store down),
   * it is held back by as much: silence beyond what has arrived is not yet known.
   */
  private now(): number | undefined {
    if (this.replay) return this.replay.at; // already the data's own time
    return this.options.now() - this.ingest.position().behindMs;
  }

  private advanceReplay(messages: readonly TelemetryMessage[]): void {
    if (!this.replay) return;
    const wall = this.options.now();
    let at = this.replay.at ?? 0;
    for (const m of messages) if (m.ts > at && m.ts <= wall) at = m.ts;
    this.replay.at = at || undefined;
    if (this.replay.ending && at >= wall - REPLAY_CAUGHT_UP_MS) {
      this.replay = undefined;
      this.logger.log('risk: history replay caught up; judging at the wall clock again');
    }
  }

  /** Folds validated messages in; their terminals are re-assessed right after. */
  ingestMessages(messages: readonly TelemetryMessage[]): void {
    this.advanceReplay(messages);
    if (this.early !== undefined) {
      this.early.push([...messages]);
      return;
    }
    for (const id of this.fleet.apply(messages)) this.touched.add(id);
    if (this.assessScheduled) return;
    this.assessScheduled = true;
    // Batches committed back to back are assessed together.
    setImmediate(() => this.assessTouched());
  }

  /** Re-assesses every terminal, tracks incidents and saves what changed. One at a time. */
  sweep(): Promise<void> {
    this.sweeping ??= this.runSweep().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Resolves once pending assessments and writes are done (tests, evaluation). */
  async settled(): Promise<void> {
    if (this.assessScheduled) this.assessTouched();
    await this.sweeping;
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

  private assessTouched(): void {
    this.assessScheduled = false;
    const ids = this.touched;
    this.touched = new Set();
    const now = this.now();
    if (now !== undefined) this.publish(this.fleet.assess(ids, now));
  }

  private async runSweep(): Promise<void> {
    try {
      await this.refreshRegistry();
      const now = this.now();
      if (now === undefined) return;
      let incidentChanges: IncidentChanges = { current: [], upserts: [], ended: [] };
      const steps = this.fleet.sweepSteps(now, (detected) => {
        incidentChanges = trackIncidents(this.open, detected);
        this.open = incidentChanges.current.map((i) => ({
          id: i.id,
          code: i.code,
          ...i.key,
          memberIds: i.memberIds,
        }));
        return incidentChanges.current;
      });
      let step = steps.next();
      while (step.done !== true) {
        // Let ingest and HTTP in between slices of a large fleet.
        await new Promise<void>((resolve) => setImmediate(resolve));
        step = steps.next();
      }
      const changes = step.value;
      this.writer.queueIncidents(incidentChanges.upserts, incidentChanges.ended, now);
      this.publish(changes);
      this.writer.kick();
    } catch (error) {
      this.logger.error(`risk sweep failed: ${(error as Error).message}`);
    }
  }

  private async refreshRegistry(): Promise<void> {
    const since = this.registryCheckedAt;
    this.registryCheckedAt = new Date();
    for (const r of await this.repository.registry(since)) {
      this.fleet.setRegistry(r.terminal_id, { registered: r.registered, region: r.region ?? undefined });
    }
  }

  private publish(changes: RiskChanges): void {
    if (changes.changed.length === 0) return;
    const views = changes.changed.map(assessedView);
    this.writer.queueScores(views);
    const event: RiskChangeEvent = { changed: views, removed: changes.removed };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`a risk listener failed: ${(error as Error).message}`);
      }
    }
  }
}

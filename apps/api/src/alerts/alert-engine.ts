import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import { RiskService, type RiskChangeEvent } from '../risk/risk.service';
import { AlertEvents } from './alert-events';
import { AlertLifecycle, SYSTEM_ACTOR } from './alert-lifecycle';
import { ALERT_OPTIONS, type AlertOptions } from './alert-options';
import { AlertRules, type AlertDecision } from './alert-rules';
import { alertSignals, incidentMembers, type AlertSignal } from './alert-signals';
import { AlertsRepository } from './alerts.repository';
import { MutingRepository } from './muting/muting.repository';
import { holdClosedShops } from './muting/shop-hours';
import { inParallelPerAlert } from './in-parallel-per-alert';
import { CoalescedRuns } from './coalesced-runs';

const RELEASE_GRACE_MS = 60_000;
/**
 * Decisions written at once (each its own short transaction): a wave of thousands of new
 * alerts one by one took half a minute, longer than a notification group waits for them.
 */
const APPLY_CONCURRENCY = 8;
/** New alerts per transaction: 13 parameters a row, far under PostgreSQL's 65,535. */
const OPEN_CHUNK = 500;
/**
 * Least time between passes a risk change starts: each ingest batch is one, so an outage
 * with live traffic would run the rules back to back. Raise times and callers do not wait.
 */
const RISK_CHANGE_SPACING_MS = 1000;

/**
 * Turns the risk engine's causes and incidents into alerts: keeps the latest assessment of
 * every at-risk terminal (RiskService.onChanged), runs AlertRules on each change and every
 * `evaluateIntervalMs` (so hold times elapse), and writes each decision through
 * AlertLifecycle. Evaluations run one at a time, requests made meanwhile coalesced into
 * one follow-up (CoalescedRuns). Time is the risk engine's clock.
 */
@Injectable()
export class AlertEngine implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AlertEngine');
  private readonly rules: AlertRules;
  private readonly atRisk = new Map<string, AtRiskItem>();
  /** When each terminal was last seen in an incident, to tell whom an ended incident released. */
  private readonly memberSeenAt = new Map<string, number>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly runs = new CoalescedRuns(() => this.run(), { minSpacingMs: RISK_CHANGE_SPACING_MS });
  private started = false;
  private reloadNeeded = true;
  private timer: NodeJS.Timeout | undefined;
  private raiseTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly risk: RiskService,
    private readonly repository: AlertsRepository,
    private readonly lifecycle: AlertLifecycle,
    private readonly muting: MutingRepository,
    events: AlertEvents,
    @Inject(ALERT_OPTIONS) private readonly options: AlertOptions,
  ) {
    this.rules = new AlertRules(options, randomUUID);
    // Subscribed before the risk engine's first sweep, so no assessment is missed.
    this.unsubscribe.push(risk.onChanged((event) => this.riskChanged(event)));
    // The engine's own resolutions are no-ops there: its rules already let those alerts go.
    this.unsubscribe.push(
      events.onChanged((change) => {
        if (change.kind === 'resolved')
          this.rules.resolvedByHand(change.alert.id, Date.parse(change.alert.resolvedAt!));
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    await this.evaluate();
    this.timer = setInterval(() => void this.evaluate(), this.options.evaluateIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.raiseTimer);
    for (const off of this.unsubscribe) off();
    await this.runs.close();
  }

  /** Runs the rules now (after any evaluation under way); resolves once its writes are done. */
  evaluate(): Promise<void> {
    return this.runs.urgent();
  }

  private riskChanged(event: RiskChangeEvent): void {
    for (const item of event.changed) {
      if (item.causes.length > 0) this.atRisk.set(item.terminalId, item);
      else this.atRisk.delete(item.terminalId);
    }
    for (const id of event.removed) this.atRisk.delete(id);
    if (this.started) void this.runs.soon();
  }

  private async run(): Promise<void> {
    try {
      // A history replay (the demo's first start) is judged at data time: alert on where it ends.
      if (this.risk.replaying) return;
      // A standby (or a process without the risk role) sees no assessments: it must not resolve alerts.
      if (!this.risk.active) {
        this.reloadNeeded = true;
        return;
      }
      const now = this.lifecycle.now().getTime();
      if (this.reloadNeeded) await this.reload(now);
      const incidents = this.risk.incidents();
      const signals = await this.holdClosedShops(
        alertSignals(this.atRisk.values(), incidents, this.formerMembers(incidents, now)),
        now,
      );
      const decisions = this.rules.evaluate(signals, now);
      this.evaluateAtNextRaise(now);
      // New alerts go in together (a wave of faults is one transaction), the rest one by one.
      const opened = decisions.filter((d) => d.kind === 'open');
      for (let k = 0; k < opened.length; k += OPEN_CHUNK)
        await this.lifecycle.openMany(opened.slice(k, k + OPEN_CHUNK));
      const others = decisions.filter((d) => d.kind !== 'open');
      await inParallelPerAlert(
        others,
        (d) => d.id,
        APPLY_CONCURRENCY,
        (d) => this.apply(d),
      );
    } catch (error) {
      // The rules ran ahead of the database: start again from what it holds.
      this.reloadNeeded = true;
      this.logger.error(`alert evaluation failed, will reload: ${(error as Error).message}`);
    }
  }

  /** Runs again when the next pending cause completes its raise time, if that is before the periodic run. */
  private evaluateAtNextRaise(now: number): void {
    const due = this.rules.nextRaiseAfter(now);
    if (due === undefined || due - now >= this.options.evaluateIntervalMs) return;
    clearTimeout(this.raiseTimer);
    this.raiseTimer = setTimeout(() => void this.evaluate(), due - now);
    this.raiseTimer.unref();
  }

  /** A shop closed for the night is not alerted OFFLINE until it should have opened. */
  private async holdClosedShops(signals: AlertSignal[], now: number): Promise<AlertSignal[]> {
    // Incident members are held back anyway: an outage's thousands need no lookup.
    const offline = signals.filter(
      (s) => s.code === 'OFFLINE' && s.terminalId !== undefined && !s.suppressed,
    );
    if (offline.length === 0) return signals;
    const hours = await this.muting.shopHoursOf(offline.map((s) => s.terminalId!));
    return hours.size === 0 ? signals : holdClosedShops(signals, hours, now);
  }

  /**
   * Terminals in an incident within the last RELEASE_GRACE_MS: the risk engine publishes a
   * released member's own causes right after the incident ends, maybe an evaluation later.
   */
  private formerMembers(incidents: Parameters<typeof incidentMembers>[0], now: number): Set<string> {
    for (const id of incidentMembers(incidents)) this.memberSeenAt.set(id, now);
    const former = new Set<string>();
    for (const [id, at] of this.memberSeenAt) {
      if (now - at > RELEASE_GRACE_MS) this.memberSeenAt.delete(id);
      else former.add(id);
    }
    return former;
  }

  private async reload(now: number): Promise<void> {
    const rows = await this.repository.forRules(new Date(now - this.options.reopenWindowHours * 3_600_000));
    this.rules.load(
      rows
        .filter((r) => r.state !== 'resolved')
        .map((r) => ({
          id: r.id,
          key: r.dedup_key,
          ...(r.clear_since === null ? {} : { clearSince: new Date(r.clear_since).getTime() }),
        })),
      rows
        .filter((r) => r.state === 'resolved' && r.resolved_at !== null)
        .map((r) => ({ id: r.id, key: r.dedup_key, resolvedAt: new Date(r.resolved_at!).getTime() })),
    );
    this.reloadNeeded = false;
  }

  private async apply(decision: AlertDecision): Promise<void> {
    switch (decision.kind) {
      case 'open':
        await this.lifecycle.openMany([decision]);
        return;
      case 'reopen':
        this.checkWritten(await this.lifecycle.reopen(decision.id, decision.signal));
        return;
      case 'clearing':
        await this.repository.setClearSince(decision.id, new Date(decision.since));
        return;
      case 'recovered':
        await this.repository.setClearSince(decision.id, null);
        return;
      case 'resolve': {
        const since = new Date(decision.clearSince).toISOString();
        this.checkWritten(
          await this.lifecycle.resolve(decision.id, SYSTEM_ACTOR, `cause gone since ${since}`),
        );
        return;
      }
    }
  }

  /** A change the database refused (the alert moved meanwhile): reload before the next run. */
  private checkWritten(result: unknown): void {
    if (result === undefined) this.reloadNeeded = true;
  }
}

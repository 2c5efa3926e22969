import { Inject, Injectable } from '@nestjs/common';
import type { AlertChangeKind, AlertView } from '@fleet/telemetry/api/alerts';
import type { Kysely } from 'kysely';
import { AuditService } from '../audit/audit.service';
import { RISK_OPTIONS, type RiskOptions } from '../risk/risk-options';
import type { DB } from '../storage/schema/db-schema';
import type { AlertSignal } from './alert-signals';
import { severityFor } from './alert-severity';
import { AlertEvents } from './alert-events';
import { AlertsRepository, type NewAlert } from './alerts.repository';
import { AlertMuting } from './muting/alert-muting';

/** The actor of the engine's own changes, in the timeline and the audit log. */
export const SYSTEM_ACTOR = 'system';
const EVERYTHING = { kind: 'all' } as const;

/**
 * Every change of an alert goes through here: the row and its timeline entry in one
 * transaction, then the audit entry and the AlertEvents feed. Returns the alert after the
 * change, or undefined when its state no longer allowed it (someone else was first).
 * Time is the risk engine's clock.
 */
@Injectable()
export class AlertLifecycle {
  constructor(
    private readonly repository: AlertsRepository,
    private readonly audit: AuditService,
    private readonly events: AlertEvents,
    private readonly muting: AlertMuting,
    @Inject(RISK_OPTIONS) private readonly clock: Pick<RiskOptions, 'now'>,
  ) {}

  now(): Date {
    return new Date(this.clock.now());
  }

  /**
   * Opens many alerts as one change: the rows and their timeline entries in one
   * transaction, the audit entries in one statement, one read back, then each on the feed.
   * All or nothing: a refused insert (the rules ran ahead of the database) opens none.
   */
  async openMany(items: ReadonlyArray<{ id: string; signal: AlertSignal }>): Promise<AlertView[]> {
    if (items.length === 0) return [];
    const at = this.now();
    const alerts = items.map(({ id, signal }) => ({
      ...raised(signal, at),
      id,
      code: signal.code,
      dedupKey: signal.key,
    }));
    const detail = (a: (typeof alerts)[number]) => ({ severity: a.severity, evidence: a.evidence.text });
    await this.repository.transaction(async (trx) => {
      await this.repository.insertMany(trx, alerts);
      await this.repository.addEvents(
        trx,
        alerts.map((a) => ({ alertId: a.id, at, kind: 'opened', actor: SYSTEM_ACTOR, detail: detail(a) })),
      );
    });
    await this.audit.recordMany(
      alerts.map((a) => ({ actor: SYSTEM_ACTOR, action: 'alert.opened', target: a.id, detail: detail(a) })),
    );
    const rows = await this.repository.getMany(alerts.map((a) => a.id));
    const snapshot = await this.muting.snapshot(at);
    return rows.map((row) => {
      const alert = this.muting.view(row, snapshot);
      this.events.emit({ kind: 'opened', alert, actor: SYSTEM_ACTOR });
      return alert;
    });
  }

  reopen(id: string, signal: AlertSignal): Promise<AlertView | undefined> {
    const alert = raised(signal, this.now());
    return this.commit(
      'reopened',
      id,
      SYSTEM_ACTOR,
      { severity: alert.severity, evidence: signal.evidence },
      (trx) => this.repository.reopen(trx, id, alert),
    );
  }

  acknowledge(id: string, by: string, note: string | undefined): Promise<AlertView | undefined> {
    return this.commit('acknowledged', id, by, note === undefined ? {} : { note }, (trx, at) =>
      this.repository.acknowledge(trx, id, by, note ?? null, at),
    );
  }

  resolve(id: string, by: string, reason: string): Promise<AlertView | undefined> {
    return this.commit('resolved', id, by, { reason }, (trx, at) =>
      this.repository.resolve(trx, id, by, reason, at),
    );
  }

  assign(id: string, by: string, assignee: string): Promise<AlertView | undefined> {
    return this.commit('assigned', id, by, { assignee }, (trx) => this.repository.assign(trx, id, assignee));
  }

  private async commit(
    kind: AlertChangeKind,
    id: string,
    actor: string,
    detail: Record<string, unknown>,
    write: (trx: Kysely<DB>, at: Date) => Promise<boolean>,
  ): Promise<AlertView | undefined> {
    const at = this.now();
    const changed = await this.repository.transaction(async (trx) => {
      if (!(await write(trx, at))) return false;
      await this.repository.addEvent(trx, id, at, kind, actor, detail);
      return true;
    });
    if (!changed) return undefined;
    await this.audit.record(actor, `alert.${kind}`, id, detail);
    const row = await this.repository.get(id, EVERYTHING);
    if (row === undefined) return undefined;
    // Marked when a silence or a maintenance window holds it: the notifications skip it.
    const alert = this.muting.view(row, await this.muting.snapshot(at));
    this.events.emit({ kind, alert, actor });
    return alert;
  }
}

function raised(signal: AlertSignal, at: Date): Omit<NewAlert, 'id' | 'code' | 'dedupKey'> {
  return {
    severity: severityFor(signal.code, signal.score),
    ...(signal.terminalId === undefined ? {} : { terminalId: signal.terminalId }),
    ...(signal.incidentId === undefined ? {} : { incidentId: signal.incidentId }),
    ...(signal.region === undefined ? {} : { incidentRegion: signal.region }),
    ...(signal.mccMnc === undefined ? {} : { incidentMccMnc: signal.mccMnc }),
    at,
    evidence: {
      text: signal.evidence,
      score: signal.score,
      ...(signal.evidenceData === undefined ? {} : { data: signal.evidenceData }),
      ...(signal.predictedAt === undefined ? {} : { predictedAt: signal.predictedAt }),
    },
    recommendedAction: signal.recommendedAction,
  };
}

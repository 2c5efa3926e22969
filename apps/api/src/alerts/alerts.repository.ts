import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { AlertSeverity, AlertState } from '@fleet/telemetry/api/alerts';
import type { CauseCode } from '@fleet/telemetry/causes';
import { scopeCondition } from '../auth/scope/apply-scope';
import type { Scope } from '../auth/scope/scope';
import { DATABASE, type Database } from '../storage/database';
import type { DB } from '../storage/schema/db-schema';

/** What the engine stores of the cause that raised an alert. */
export interface StoredEvidence {
  text: string;
  data?: Record<string, number | string>;
  predictedAt?: string;
  score: number;
}

export interface AlertRow {
  id: string;
  code: CauseCode;
  severity: AlertSeverity;
  state: AlertState;
  dedup_key: string;
  terminal_id: string | null;
  incident_id: string | null;
  incident_region: string | null;
  incident_mcc_mnc: string | null;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolve_reason: string | null;
  assignee: string | null;
  occurrences: number;
  last_raised_at: Date;
  clear_since: Date | null;
  evidence: StoredEvidence;
  recommended_action: string;
  /** From terminals, for terminal alerts. */
  terminal_region: string | null;
  merchant_id: string | null;
  /** The terminal's carrier from its latest signal or SIM report, for silences and windows. */
  terminal_mcc_mnc: string | null;
}

export interface AlertEventRow {
  at: Date;
  kind: string;
  actor: string;
  detail: Record<string, unknown>;
}

export interface NewAlert {
  id: string;
  code: CauseCode;
  severity: AlertSeverity;
  dedupKey: string;
  terminalId?: string;
  incidentId?: string;
  incidentRegion?: string;
  incidentMccMnc?: string;
  at: Date;
  evidence: StoredEvidence;
  recommendedAction: string;
}

type Executor = Kysely<DB>;

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * The alerts and their timelines. Every state change is a conditional update (`where
 * state …`), so two callers racing on one alert cannot both win: the loser sees no row.
 */
@Injectable()
export class AlertsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Runs `work` in one transaction. */
  transaction<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute(work);
  }

  insert(trx: Executor, a: NewAlert): Promise<void> {
    return this.insertMany(trx, [a]);
  }

  /** Many new alerts in one statement (a wave of faults opening together). */
  async insertMany(trx: Executor, alerts: readonly NewAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    const values = alerts.map(
      (a) => sql`(${a.id}, ${a.code}, ${a.severity}, 'open', ${a.dedupKey}, ${a.terminalId ?? null},
        ${a.incidentId ?? null}, ${a.incidentRegion ?? null}, ${a.incidentMccMnc ?? null}, ${a.at}::timestamptz,
        ${a.at}::timestamptz, ${jsonb(a.evidence)}, ${a.recommendedAction})`,
    );
    await sql`
      insert into alerts (id, code, severity, state, dedup_key, terminal_id, incident_id, incident_region,
        incident_mcc_mnc, opened_at, last_raised_at, evidence, recommended_action)
      values ${sql.join(values)}`.execute(trx);
  }

  /** A resolved alert back to open: one more occurrence, acknowledgement and resolution cleared. */
  async reopen(trx: Executor, id: string, a: Omit<NewAlert, 'id' | 'code' | 'dedupKey'>): Promise<boolean> {
    const result = await sql`
      update alerts set state = 'open', severity = ${a.severity}, occurrences = occurrences + 1,
        last_raised_at = ${a.at}, clear_since = null, evidence = ${jsonb(a.evidence)},
        recommended_action = ${a.recommendedAction}, incident_id = coalesce(${a.incidentId ?? null}, incident_id),
        acknowledged_at = null, acknowledged_by = null, acknowledge_note = null,
        resolved_at = null, resolved_by = null, resolve_reason = null
      where id = ${id} and state = 'resolved'`.execute(trx);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async acknowledge(trx: Executor, id: string, by: string, note: string | null, at: Date): Promise<boolean> {
    const result = await sql`
      update alerts set state = 'acknowledged', acknowledged_at = ${at}, acknowledged_by = ${by}, acknowledge_note = ${note}
      where id = ${id} and state = 'open'`.execute(trx);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async resolve(trx: Executor, id: string, by: string, reason: string, at: Date): Promise<boolean> {
    const result = await sql`
      update alerts set state = 'resolved', resolved_at = ${at}, resolved_by = ${by}, resolve_reason = ${reason},
        clear_since = null
      where id = ${id} and state <> 'resolved'`.execute(trx);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async assign(trx: Executor, id: string, assignee: string): Promise<boolean> {
    const result = await sql`
      update alerts set assignee = ${assignee} where id = ${id} and state <> 'resolved'`.execute(trx);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** Since when the cause has been gone (null: it is back). Not a lifecycle change: no timeline entry. */
  async setClearSince(id: string, since: Date | null): Promise<void> {
    await sql`update alerts set clear_since = ${since} where id = ${id} and state <> 'resolved'`.execute(
      this.database.db,
    );
  }

  async addEvent(
    trx: Executor,
    alertId: string,
    at: Date,
    kind: string,
    actor: string,
    detail: object,
  ): Promise<void> {
    await sql`
      insert into alert_events (alert_id, at, kind, actor, detail)
      values (${alertId}, ${at}, ${kind}, ${actor}, ${jsonb(detail)})`.execute(trx);
  }

  /** Timeline entries of many alerts in one statement. */
  async addEvents(
    trx: Executor,
    events: ReadonlyArray<{ alertId: string; at: Date; kind: string; actor: string; detail: object }>,
  ): Promise<void> {
    if (events.length === 0) return;
    const values = events.map(
      (e) => sql`(${e.alertId}::uuid, ${e.at}::timestamptz, ${e.kind}, ${e.actor}, ${jsonb(e.detail)})`,
    );
    await sql`insert into alert_events (alert_id, at, kind, actor, detail) values ${sql.join(values)}`.execute(
      trx,
    );
  }

  /** The alerts of `ids` that exist (any scope), in no particular order. */
  async getMany(ids: readonly string[]): Promise<AlertRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<AlertRow>`
      ${SELECT_ALERT} where a.id = any(${[...ids]}::uuid[])`.execute(this.database.db);
    return rows;
  }

  /** One alert, or undefined when it does not exist or lies outside `scope`. */
  async get(id: string, scope: Scope): Promise<AlertRow | undefined> {
    const { rows } = await sql<AlertRow>`
      ${SELECT_ALERT} where a.id = ${id} and ${this.visible(scope)}`.execute(this.database.db);
    return rows[0];
  }

  /** Newest first, within scope; every state when `state` is unset. */
  async list(scope: Scope, state: AlertState | undefined, limit: number): Promise<AlertRow[]> {
    const byState = state === undefined ? sql`true` : sql`a.state = ${state}`;
    const { rows } = await sql<AlertRow>`
      ${SELECT_ALERT} where ${byState} and ${this.visible(scope)}
      order by a.last_raised_at desc, a.id limit ${limit}`.execute(this.database.db);
    return rows;
  }

  async timeline(id: string): Promise<AlertEventRow[]> {
    const { rows } = await sql<AlertEventRow>`
      select at, kind, actor, detail from alert_events where alert_id = ${id} order by at, id`.execute(
      this.database.db,
    );
    return rows;
  }

  /** The engine's start: live alerts, and those resolved since `resolvedSince` (reopenable). */
  async forRules(
    resolvedSince: Date,
  ): Promise<Array<Pick<AlertRow, 'id' | 'dedup_key' | 'state' | 'clear_since' | 'resolved_at'>>> {
    const { rows } = await sql<Pick<AlertRow, 'id' | 'dedup_key' | 'state' | 'clear_since' | 'resolved_at'>>`
      select distinct on (dedup_key) id, dedup_key, state, clear_since, resolved_at from alerts
      where state <> 'resolved' or resolved_at >= ${resolvedSince}
      order by dedup_key, (state <> 'resolved') desc, resolved_at desc`.execute(this.database.db);
    return rows;
  }

  async userExists(id: string): Promise<boolean> {
    const { rows } = await sql`select 1 from users where id = ${id}`.execute(this.database.db);
    return rows.length > 0;
  }

  /**
   * Terminal alerts follow their terminal's place. Incident alerts are visible to support
   * and admins, to a technician whose region is the incident's, and to anyone whose scope
   * holds one of the incident's members (the rule of GET /incidents).
   */
  private visible(scope: Scope) {
    if (scope.kind === 'all') return sql`true`;
    const terminal = sql`(a.terminal_id is not null and ${scopeCondition(scope, { region: 't.region', merchantId: 't.merchant_id' })})`;
    const members = sql`exists (
      select 1 from incident_members m join terminals mt on mt.terminal_id = m.terminal_id
      where m.incident_id = a.incident_id and ${scopeCondition(scope, { region: 'mt.region', merchantId: 'mt.merchant_id' })})`;
    const incidentRegion =
      scope.kind === 'regions'
        ? scopeCondition(scope, { region: 'a.incident_region', merchantId: 'a.incident_region' })
        : sql`false`;
    return sql`(${terminal} or (a.terminal_id is null and (${incidentRegion} or ${members})))`;
  }
}

const SELECT_ALERT = sql`
  select a.*, t.region as terminal_region, t.merchant_id,
    coalesce(l.signal->>'mccMnc', l.sim->>'mccMnc') as terminal_mcc_mnc
  from alerts a left join terminals t on t.terminal_id = a.terminal_id
  left join terminal_latest l on l.terminal_id = a.terminal_id`;

import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { ShopHours } from '@fleet/telemetry/api/muting';
import type {
  WorkOrderConfirmation,
  WorkOrderKind,
  WorkOrderPart,
  WorkOrderPriority,
  WorkOrderState,
} from '@fleet/telemetry/api/work-orders';
import type { CauseCode } from '@fleet/telemetry/causes';
import { scopeCondition } from '../auth/scope/apply-scope';
import type { Scope } from '../auth/scope/scope';
import { DATABASE, type Database } from '../storage/database';
import type { DB } from '../storage/schema/db-schema';

export type Executor = Kysely<DB>;

/** Who reads: a technician sees its own orders besides its regions'. */
export interface DispatchViewer {
  scope: Scope;
  userId: string;
}

export interface WorkOrderRow {
  id: string;
  terminal_id: string;
  code: CauseCode;
  kind: WorkOrderKind;
  state: WorkOrderState;
  priority: WorkOrderPriority;
  assignee: string | null;
  assignee_name: string | null;
  alert_id: string | null;
  created_at: Date;
  updated_at: Date;
  created_by: string;
  sla_due_at: Date;
  sla_breach_notified_at: Date | null;
  sla_at_risk_announced_at: Date | null;
  parts: WorkOrderPart[];
  evidence: { text?: string; data?: Record<string, number | string> };
  recommended_action: string;
  reason: string | null;
  note: string | null;
  resolved_at: Date | null;
  confirmation: WorkOrderConfirmation | null;
  confirmation_at: Date | null;
  rejected_by: string[];
  /** From terminals. */
  merchant_id: string | null;
  merchant_name: string | null;
  merchant_phone: string | null;
  address: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  model: string | null;
  comm: string | null;
  shop_hours: ShopHours | null;
  /** The cause codes the risk engine sees on the terminal now. */
  current_causes: string[] | null;
  last_seen_at: Date | null;
}

export interface TransitionRow {
  work_order_id: string;
  from_state: WorkOrderState;
  to_state: WorkOrderState;
  at: Date;
  recorded_at: Date;
  actor: string;
  reason: string | null;
}

export interface NewWorkOrder {
  terminalId: string;
  code: CauseCode;
  kind: WorkOrderKind;
  priority: WorkOrderPriority;
  alertId?: string;
  alertRaisedAt?: Date;
  at: Date;
  createdBy: string;
  slaDueAt: Date;
  parts: WorkOrderPart[];
  evidence: { text: string; data?: Record<string, number | string> };
  recommendedAction: string;
  note?: string;
}

export interface StateChange {
  to: WorkOrderState;
  assignee?: string | null;
  reason?: string | null;
  resolvedAt?: Date;
  confirmation?: WorkOrderConfirmation | null;
  rejectedBy?: string;
}

export interface NewTransition {
  workOrderId: string;
  from: WorkOrderState;
  to: WorkOrderState;
  at: Date;
  recordedAt: Date;
  actor: string;
  reason?: string;
  clientId?: string;
}

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Work orders and their transitions. Every state change is conditional on the state it
 * comes from (`where state = …`), so two callers racing on one order cannot both win.
 */
@Injectable()
export class WorkOrdersRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  transaction<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute(work);
  }

  /** The new order's id; undefined when the alert's open period already has one. */
  async insert(trx: Executor, o: NewWorkOrder): Promise<string | undefined> {
    const { rows } = await sql<{ id: string }>`
      insert into work_orders (terminal_id, code, kind, state, priority, alert_id, alert_raised_at, created_at,
        updated_at, created_by, sla_due_at, parts, evidence, recommended_action, note)
      values (${o.terminalId}, ${o.code}, ${o.kind}, 'new', ${o.priority}, ${o.alertId ?? null},
        ${o.alertRaisedAt ?? null}, ${o.at}, ${o.at}, ${o.createdBy}, ${o.slaDueAt}, ${jsonb(o.parts)},
        ${jsonb(o.evidence)}, ${o.recommendedAction}, ${o.note ?? null})
      on conflict (alert_id, alert_raised_at) do nothing
      returning id`.execute(trx);
    return rows[0]?.id;
  }

  /** Moves the order from `from` to `change.to`; false when it is no longer in `from`. */
  async changeState(
    trx: Executor,
    id: string,
    from: WorkOrderState,
    change: StateChange,
    at: Date,
  ): Promise<boolean> {
    const result = await sql`
      update work_orders set state = ${change.to}, updated_at = ${at},
        assignee = ${change.assignee === undefined ? sql`assignee` : change.assignee},
        reason = ${change.reason === undefined ? sql`reason` : change.reason},
        resolved_at = ${change.resolvedAt === undefined ? sql`resolved_at` : change.resolvedAt},
        confirmation = ${change.confirmation === undefined ? sql`confirmation` : change.confirmation},
        rejected_by = ${change.rejectedBy === undefined ? sql`rejected_by` : sql`array_append(rejected_by, ${change.rejectedBy}::uuid)`}
      where id = ${id} and state = ${from}`.execute(trx);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async addTransition(trx: Executor, t: NewTransition): Promise<void> {
    await sql`
      insert into work_order_transitions (work_order_id, from_state, to_state, at, recorded_at, actor, reason, client_id)
      values (${t.workOrderId}, ${t.from}, ${t.to}, ${t.at}, ${t.recordedAt}, ${t.actor}, ${t.reason ?? null},
        ${t.clientId ?? null})`.execute(trx);
  }

  async clientIdSeen(id: string, clientId: string): Promise<boolean> {
    const { rows } = await sql`
      select 1 from work_order_transitions where work_order_id = ${id} and client_id = ${clientId}`.execute(
      this.database.db,
    );
    return rows.length > 0;
  }

  async setConfirmation(id: string, confirmation: WorkOrderConfirmation, at: Date): Promise<boolean> {
    const result = await sql`
      update work_orders set confirmation = ${confirmation}, confirmation_at = ${at}, updated_at = ${at}
      where id = ${id} and state = 'resolved' and confirmation = 'pending'`.execute(this.database.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** Marks the breach as told; false when it already was (another process, an earlier pass). */
  async markBreachNotified(id: string, at: Date): Promise<boolean> {
    const result = await sql`
      update work_orders set sla_breach_notified_at = ${at}
      where id = ${id} and sla_breach_notified_at is null`.execute(this.database.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** Active orders not yet announced as at risk nor breached: candidates for the SLA warning. */
  async activeWithoutSlaWarning(): Promise<WorkOrderRow[]> {
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where w.sla_at_risk_announced_at is null and w.sla_breach_notified_at is null
        and w.state not in ('resolved', 'cancelled', 'cannot_complete')
      order by w.sla_due_at limit 500`.execute(this.database.db);
    return rows;
  }

  /** True for the one caller that marked it: the warning goes out once across passes and processes. */
  async markAtRiskAnnounced(id: string, at: Date): Promise<boolean> {
    const result = await sql`
      update work_orders set sla_at_risk_announced_at = ${at}
      where id = ${id} and sla_at_risk_announced_at is null`.execute(this.database.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** One order, or undefined when missing or outside what `viewer` may see. */
  async get(id: string, viewer: DispatchViewer | 'all'): Promise<WorkOrderRow | undefined> {
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where w.id = ${id} and ${visible(viewer)}`.execute(this.database.db);
    return rows[0];
  }

  /** By SLA due time (soonest first), within what `viewer` may see; every state when none given; one assignee's if given. */
  async list(
    viewer: DispatchViewer,
    filter: { states: readonly WorkOrderState[]; assignee?: string },
    limit: number,
  ): Promise<WorkOrderRow[]> {
    const byState = filter.states.length === 0 ? sql`true` : sql`w.state in (${sql.join(filter.states)})`;
    const byAssignee = filter.assignee === undefined ? sql`true` : sql`w.assignee = ${filter.assignee}`;
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where ${byState} and ${byAssignee} and ${visible(viewer)}
      order by w.sla_due_at, w.id limit ${limit}`.execute(this.database.db);
    return rows;
  }

  async transitions(ids: readonly string[]): Promise<TransitionRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<TransitionRow>`
      select work_order_id, from_state, to_state, at, recorded_at, actor, reason from work_order_transitions
      where work_order_id in (${sql.join(ids)}) order by id`.execute(this.database.db);
    return rows;
  }

  /** Orders past their due time whose breach nobody was told of yet. */
  async breachedUnnotified(now: Date): Promise<WorkOrderRow[]> {
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where w.sla_due_at < ${now} and w.sla_breach_notified_at is null
        and w.state not in ('resolved', 'cancelled')
      order by w.sla_due_at limit 500`.execute(this.database.db);
    return rows;
  }

  /** Resolved orders still waiting for telemetry to confirm the fix. */
  async awaitingConfirmation(): Promise<WorkOrderRow[]> {
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where w.state = 'resolved' and w.confirmation = 'pending'
      order by w.resolved_at limit 500`.execute(this.database.db);
    return rows;
  }

  /** The alert's orders nobody has accepted yet. */
  async notStartedOfAlert(alertId: string): Promise<WorkOrderRow[]> {
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where w.alert_id = ${alertId} and w.state in ('new', 'assigned')`.execute(
      this.database.db,
    );
    return rows;
  }

  /** Orders waiting in `new` (nobody was eligible): retried on each pass. */
  async unassigned(): Promise<WorkOrderRow[]> {
    const { rows } = await sql<WorkOrderRow>`
      ${SELECT_ORDER} where w.state = 'new' order by w.sla_due_at limit 500`.execute(this.database.db);
    return rows;
  }
}

/** What a viewer may see: everything, its own assignments, or the terminal's place. */
function visible(viewer: DispatchViewer | 'all') {
  if (viewer === 'all' || viewer.scope.kind === 'all') return sql`true`;
  const place = scopeCondition(viewer.scope, { region: 't.region', merchantId: 't.merchant_id' });
  if (viewer.scope.kind === 'regions') return sql`(w.assignee = ${viewer.userId} or ${place})`;
  return place;
}

const SELECT_ORDER = sql`
  select w.*, u.username as assignee_name, t.merchant_id, t.merchant_name, t.merchant_phone, t.region, t.lat, t.lon,
    t.address, t.model, t.comm, t.shop_hours, l.last_seen_at,
    (select array_agg(c->>'code') from jsonb_array_elements(coalesce(l.causes, '[]'::jsonb)) c) as current_causes
  from work_orders w
  left join users u on u.id = w.assignee
  left join terminals t on t.terminal_id = w.terminal_id
  left join terminal_latest l on l.terminal_id = w.terminal_id`;

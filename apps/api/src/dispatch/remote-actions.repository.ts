import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { RemoteActionKind, RemoteActionState } from '@fleet/telemetry/api/work-orders';
import type { CauseCode } from '@fleet/telemetry/causes';
import { scopeCondition } from '../auth/scope/apply-scope';
import type { Scope } from '../auth/scope/scope';
import { DATABASE, type Database } from '../storage/database';

export interface RemoteActionRow {
  id: string;
  kind: RemoteActionKind;
  state: RemoteActionState;
  terminal_id: string;
  code: CauseCode;
  alert_id: string;
  evidence: string;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
  note: string | null;
  merchant_id: string | null;
  merchant_name: string | null;
  region: string | null;
  iccid: string | null;
  mcc_mnc: string | null;
}

export interface NewRemoteAction {
  kind: RemoteActionKind;
  terminalId: string;
  code: CauseCode;
  alertId: string;
  alertRaisedAt: Date;
  evidence: string;
  at: Date;
}

/** Support's queue of SIM causes fixed remotely (top up, renew). */
@Injectable()
export class RemoteActionsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** The new action's id; undefined when the alert's open period already has one. */
  async insert(a: NewRemoteAction): Promise<string | undefined> {
    const { rows } = await sql<{ id: string }>`
      insert into remote_actions (kind, state, terminal_id, code, alert_id, alert_raised_at, evidence, created_at)
      values (${a.kind}, 'open', ${a.terminalId}, ${a.code}, ${a.alertId}, ${a.alertRaisedAt}, ${a.evidence}, ${a.at})
      on conflict (alert_id, alert_raised_at) do nothing
      returning id`.execute(this.database.db);
    return rows[0]?.id;
  }

  /** Newest first within scope; every state when none given. */
  async list(scope: Scope, state: RemoteActionState | undefined, limit: number): Promise<RemoteActionRow[]> {
    const byState = state === undefined ? sql`true` : sql`r.state = ${state}`;
    const { rows } = await sql<RemoteActionRow>`
      ${SELECT_ACTION} where ${byState} and ${scopeCondition(scope, { region: 't.region', merchantId: 't.merchant_id' })}
      order by r.created_at desc, r.id limit ${limit}`.execute(this.database.db);
    return rows;
  }

  async get(id: string, scope: Scope): Promise<RemoteActionRow | undefined> {
    const { rows } = await sql<RemoteActionRow>`
      ${SELECT_ACTION} where r.id = ${id} and ${scopeCondition(scope, { region: 't.region', merchantId: 't.merchant_id' })}`.execute(
      this.database.db,
    );
    return rows[0];
  }

  /** False when it was already done (someone else was first). */
  async markDone(id: string, by: string, note: string | null, at: Date): Promise<boolean> {
    const result = await sql`
      update remote_actions set state = 'done', done_at = ${at}, done_by = ${by}, note = ${note}
      where id = ${id} and state = 'open'`.execute(this.database.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }
}

const SELECT_ACTION = sql`
  select r.*, t.merchant_id, t.merchant_name, t.region, l.sim->>'iccid' as iccid,
    coalesce(l.sim->>'mccMnc', l.signal->>'mccMnc') as mcc_mnc
  from remote_actions r
  left join terminals t on t.terminal_id = r.terminal_id
  left join terminal_latest l on l.terminal_id = r.terminal_id`;

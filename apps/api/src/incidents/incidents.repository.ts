import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Incident } from '@fleet/telemetry/risk/incident';
import { scopeCondition } from '../auth/scope/apply-scope';
import type { Scope } from '../auth/scope/scope';
import { DATABASE, type Database } from '../storage/database';
import { toArrayLiteral } from '../storage/telemetry/pg-array-literal';
import type { OpenIncident } from './incident-tracker';

export interface IncidentRow {
  id: string;
  code: Incident['code'];
  mcc_mnc: string | null;
  carrier: string | null;
  region: string | null;
  started_at: Date;
  ended_at: Date | null;
  terminal_count: number;
}

/** Incidents and their members; ended incidents keep their rows. */
@Injectable()
export class IncidentsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async open(): Promise<OpenIncident[]> {
    const { rows } = await sql<IncidentRow & { member_ids: string[] | null }>`
      select i.*, (select array_agg(terminal_id order by terminal_id) from incident_members m where m.incident_id = i.id) as member_ids
      from incidents i where ended_at is null`.execute(this.database.db);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      mccMnc: r.mcc_mnc ?? undefined,
      carrier: r.carrier ?? undefined,
      region: r.region ?? undefined,
      memberIds: r.member_ids ?? [],
    }));
  }

  /** Inserts a new incident or replaces the members of an open one, in one transaction. */
  async upsert(incident: Incident): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      await sql`
        insert into incidents (id, code, mcc_mnc, carrier, region, started_at, terminal_count)
        values (${incident.id}, ${incident.code}, ${incident.key.mccMnc ?? null}, ${incident.key.carrier ?? null},
          ${incident.key.region ?? null}, ${new Date(incident.startedAt)}, ${incident.memberIds.length})
        on conflict (id) do update set terminal_count = excluded.terminal_count,
          started_at = least(incidents.started_at, excluded.started_at), ended_at = null, updated_at = now()`.execute(
        trx,
      );
      await sql`delete from incident_members where incident_id = ${incident.id}`.execute(trx);
      await sql`
        insert into incident_members (incident_id, terminal_id)
        select ${incident.id}, terminal_id from unnest(${toArrayLiteral(incident.memberIds)}::text[]) as u(terminal_id)`.execute(
        trx,
      );
    });
  }

  async end(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await sql`
      update incidents set ended_at = ${at}, updated_at = now()
      where id = any(${toArrayLiteral(ids)}::text[]) and ended_at is null`.execute(this.database.db);
  }

  /** Newest first. Scoped callers see incidents of their regions or touching their terminals. */
  async list(scope: Scope, status: 'open' | 'all', limit: number): Promise<IncidentRow[]> {
    const openOnly = status === 'open' ? sql`i.ended_at is null` : sql`true`;
    const { rows } = await sql<IncidentRow>`
      select i.id, i.code, i.mcc_mnc, i.carrier, i.region, i.started_at, i.ended_at, i.terminal_count
      from incidents i
      where ${openOnly} and ${this.visible(scope)}
      order by i.started_at desc, i.id
      limit ${limit}`.execute(this.database.db);
    return rows;
  }

  async get(id: string, scope: Scope): Promise<(IncidentRow & { member_ids: string[] }) | undefined> {
    const { rows } = await sql<IncidentRow & { member_ids: string[] | null }>`
      select i.id, i.code, i.mcc_mnc, i.carrier, i.region, i.started_at, i.ended_at, i.terminal_count,
        (select array_agg(terminal_id order by terminal_id) from incident_members m where m.incident_id = i.id) as member_ids
      from incidents i
      where i.id = ${id} and ${this.visible(scope)}`.execute(this.database.db);
    const row = rows[0];
    return row === undefined ? undefined : { ...row, member_ids: row.member_ids ?? [] };
  }

  private visible(scope: Scope) {
    if (scope.kind === 'all') return sql`true`;
    const members = sql`exists (
      select 1 from incident_members m join terminals t on t.terminal_id = m.terminal_id
      where m.incident_id = i.id and ${scopeCondition(scope, { region: 't.region', merchantId: 't.merchant_id' })})`;
    if (scope.kind === 'regions') {
      return sql`(${scopeCondition(scope, { region: 'i.region', merchantId: 'i.region' })} or ${members})`;
    }
    return members;
  }
}

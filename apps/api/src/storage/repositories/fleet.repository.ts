import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { scopeCondition } from '../../auth/scope/apply-scope';
import type { Scope } from '../../auth/scope/scope';
import { DATABASE, type Database } from '../database';

const SCOPE_COLUMNS = { region: 't.region', merchantId: 't.merchant_id' };

/** One terminal as the map shows it (the live feed's rows carry the same columns). */
export interface MapRow {
  terminal_id: string;
  lat: number | null;
  lon: number | null;
  online: boolean | null;
  risk_score: number | null;
  top_cause: string | null;
  region: string | null;
  mcc_mnc: string | null;
  merchant_id: string | null;
}

/**
 * What the map (and a terminal change) shows of terminal_latest, one row per terminal: the
 * top cause and the carrier, from the signal reading or else the SIM's.
 */
export const LATEST_MAP_FIELDS = sql`
  select terminal_id, online, last_seen_at, risk_score, causes -> 0 ->> 'code' as top_cause,
    coalesce(signal ->> 'mccMnc', sim ->> 'mccMnc') as mcc_mnc
  from terminal_latest`;

/** Fleet-wide reads for the overview and the map, always within the caller's scope. */
@Injectable()
export class FleetRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Every located terminal with what the map shows of it. The latest-state subquery is
   * fenced (offset 0) so both tables are read sequentially and hashed: the planner's merge
   * join over both primary keys took 0.8–0.9 s for 100k terminals against 0.3 s.
   */
  async mapRows(): Promise<MapRow[]> {
    const { rows } = await sql<MapRow>`
      select t.terminal_id, t.lat, t.lon, l.online, l.risk_score, l.top_cause, t.region,
        l.mcc_mnc, t.merchant_id
      from terminals t
      left join (${LATEST_MAP_FIELDS} offset 0) l on l.terminal_id = t.terminal_id
      where t.lat is not null and t.lon is not null
      order by t.terminal_id`.execute(this.database.db);
    return rows;
  }

  /** Headline counts, and terminals at risk per cause code. */
  async summary(scope: Scope): Promise<{
    total: number;
    online: number;
    unregistered: number;
    atRisk: number;
    byCause: Record<string, number>;
    openIncidents: number;
  }> {
    const where = scopeCondition(scope, SCOPE_COLUMNS);
    const [totals, causes, incidents] = await Promise.all([
      sql<{ total: string; online: string; unregistered: string; at_risk: string }>`
        select count(*) as total,
          count(*) filter (where l.online) as online,
          count(*) filter (where not t.registered) as unregistered,
          count(*) filter (where l.risk_score > 0) as at_risk
        from terminals t left join terminal_latest l on l.terminal_id = t.terminal_id
        where ${where}`.execute(this.database.db),
      sql<{ code: string; terminals: string }>`
        select c ->> 'code' as code, count(*) as terminals
        from terminals t
        join terminal_latest l on l.terminal_id = t.terminal_id
        cross join lateral jsonb_array_elements(l.causes) c
        where l.risk_score > 0 and ${where}
        group by 1`.execute(this.database.db),
      // An incident counts for a caller when at least one of its members is in scope.
      sql<{ open: string }>`
        select count(*) as open from incidents i
        where i.ended_at is null and exists (
          select 1 from incident_members m join terminals t on t.terminal_id = m.terminal_id
          where m.incident_id = i.id and ${where})`.execute(this.database.db),
    ]);
    const row = totals.rows[0]!;
    return {
      total: Number(row.total),
      online: Number(row.online),
      unregistered: Number(row.unregistered),
      atRisk: Number(row.at_risk),
      byCause: Object.fromEntries(causes.rows.map((c) => [c.code, Number(c.terminals)])),
      openIncidents: Number(incidents.rows[0]?.open ?? 0),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { scopeCondition } from '../../auth/scope/apply-scope';
import type { Scope } from '../../auth/scope/scope';
import { DATABASE, type Database } from '../database';

const SCOPE_COLUMNS = { region: 't.region', merchantId: 't.merchant_id' };

/** Fleet-wide reads for the overview and the map, always within the caller's scope. */
@Injectable()
export class FleetRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Every located terminal as columns; one pass, no per-row objects on the wire. */
  async map(scope: Scope): Promise<FleetMapView> {
    const { rows } = await sql<{
      terminal_id: string;
      lat: number;
      lon: number;
      online: boolean | null;
      risk_score: number | null;
      top_cause: string | null;
      region: string | null;
      mcc_mnc: string | null;
      merchant_id: string | null;
    }>`
      select t.terminal_id, t.lat, t.lon, l.online, l.risk_score,
        l.causes -> 0 ->> 'code' as top_cause, t.region,
        coalesce(l.signal ->> 'mccMnc', l.sim ->> 'mccMnc') as mcc_mnc, t.merchant_id
      from terminals t
      left join terminal_latest l on l.terminal_id = t.terminal_id
      where t.lat is not null and t.lon is not null and ${scopeCondition(scope, SCOPE_COLUMNS)}
      order by t.terminal_id`.execute(this.database.db);
    const view: FleetMapView = {
      ids: [],
      lat: [],
      lon: [],
      online: [],
      riskScore: [],
      topCause: [],
      region: [],
      mccMnc: [],
      merchantId: [],
    };
    for (const r of rows) {
      view.ids.push(r.terminal_id);
      view.lat.push(r.lat);
      view.lon.push(r.lon);
      view.online.push(r.online === null ? 2 : r.online ? 1 : 0);
      view.riskScore.push(r.risk_score ?? 0);
      view.topCause.push(r.top_cause ?? '');
      view.region.push(r.region ?? '');
      view.mccMnc.push(r.mcc_mnc ?? '');
      view.merchantId.push(r.merchant_id ?? '');
    }
    return view;
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

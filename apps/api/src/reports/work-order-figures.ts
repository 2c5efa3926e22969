import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { WorkOrderFigures } from '@fleet/telemetry/api/reports';
import { DATABASE, type Database } from '../storage/database';
import type { WorkOrderSource } from './work-order-source';

/**
 * The report's work-order figures from dispatch's `work_orders` (migration 0017): the orders
 * of these terminals opened in the period, how many were resolved and how long that took, and
 * their SLA: met when resolved by `sla_due_at`; due (judged) once resolved or, still open, past
 * it at `now`. Cancelled orders count as opened but are never judged.
 */
@Injectable()
export class WorkOrderFiguresSource implements WorkOrderSource {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async figures(
    terminalIds: readonly string[],
    from: Date,
    to: Date,
    now: Date,
  ): Promise<WorkOrderFigures | null> {
    if (terminalIds.length === 0)
      return { total: 0, resolved: 0, meanResolveMinutes: null, slaMet: 0, slaDue: 0 };
    const { rows } = await sql<{
      total: number;
      resolved: number;
      mean_resolve_minutes: number | null;
      sla_met: number;
      sla_due: number;
    }>`
      select count(*)::int as total,
        count(*) filter (where state = 'resolved')::int as resolved,
        (avg(extract(epoch from resolved_at - created_at)) filter (where state = 'resolved') / 60)::float8
          as mean_resolve_minutes,
        count(*) filter (where state = 'resolved' and resolved_at <= sla_due_at)::int as sla_met,
        count(*) filter (where state = 'resolved'
          or (state <> 'cancelled' and sla_due_at <= ${now}))::int as sla_due
      from work_orders
      where terminal_id = any(${[...terminalIds]}::text[]) and created_at >= ${from} and created_at < ${to}`.execute(
      this.database.db,
    );
    const row = rows[0]!;
    return {
      total: row.total,
      resolved: row.resolved,
      meanResolveMinutes: row.mean_resolve_minutes === null ? null : Math.round(row.mean_resolve_minutes),
      slaMet: row.sla_met,
      slaDue: row.sla_due,
    };
  }
}

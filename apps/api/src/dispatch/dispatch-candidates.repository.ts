import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { SupportStepKind } from '@fleet/telemetry/api/work-orders';
import type { CauseCode } from '@fleet/telemetry/causes';
import { DATABASE, type Database } from '../storage/database';
import type { DispatchTerminal } from './dispatch-terminals.repository';

/** The causes the policy may act on; the others never make an order or an action. */
export const DISPATCHABLE_CODES: readonly CauseCode[] = [
  'COMM_MODULE_FAULT',
  'POWER',
  'OFFLINE',
  'WEAK_SIGNAL',
  'LINE_FAULT',
  'SIM_DATA_EXHAUSTION',
  'SIM_EXPIRY',
];

export interface CandidateRow extends DispatchTerminal {
  alert_id: string;
  code: CauseCode;
  severity: AlertSeverity;
  last_raised_at: Date;
  evidence: { text?: string; data?: Record<string, number | string> };
  /** What support recorded in this open period: its own steps and the at-risk list's contact markers. */
  steps: Array<{ kind: SupportStepKind; at: string }> | null;
}

/** Live alerts of registered terminals that have neither a work order nor a remote action for this open period. */
@Injectable()
export class DispatchCandidatesRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async undecided(limit = 1000): Promise<CandidateRow[]> {
    const { rows } = await sql<CandidateRow>`
      select a.id as alert_id, a.code, a.severity, a.last_raised_at, a.evidence,
        t.terminal_id, t.region, t.merchant_id, t.shop_hours, t.model, t.comm, t.lat, t.lon, l.causes,
        (select json_agg(s) from (
          select kind, at from support_steps where alert_id = a.id and at >= a.last_raised_at
          union all
          select 'merchant_contacted', contacted_at from merchant_contacts
          where terminal_id = a.terminal_id and contacted_at >= a.last_raised_at
        ) s) as steps
      from alerts a
      join terminals t on t.terminal_id = a.terminal_id and t.registered
      left join terminal_latest l on l.terminal_id = a.terminal_id
      where a.state <> 'resolved' and a.code in (${sql.join(DISPATCHABLE_CODES)})
        and not exists (select 1 from work_orders w where w.alert_id = a.id and w.alert_raised_at = a.last_raised_at)
        and not exists (select 1 from remote_actions r where r.alert_id = a.id and r.alert_raised_at = a.last_raised_at)
      order by a.last_raised_at limit ${limit}`.execute(this.database.db);
    return rows;
  }
}

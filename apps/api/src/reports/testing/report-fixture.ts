import { sql } from 'kysely';
import type { ShopHours } from '@fleet/telemetry/api/muting';
import type { Database } from '../../storage/database';

/** Local time in Asia/Shanghai, as an instant. */
export const local = (dateTime: string) => new Date(`${dateTime}+08:00`);

/** Writes report fixtures straight into the tables the ingest and the risk engine fill. */
export function reportFixture(database: Database) {
  const db = database.db;
  let seq = 0;
  const received = (ts: Date) => new Date(ts.getTime() + 1000);
  return {
    async terminal(t: {
      id: string;
      merchantId: string;
      merchantName: string;
      region?: string;
      comm?: string;
      shopHours?: ShopHours;
      sim?: Record<string, unknown>;
      signal?: Record<string, unknown>;
    }) {
      await sql`insert into terminals (terminal_id, merchant_id, merchant_name, region, comm, registered, shop_hours)
        values (${t.id}, ${t.merchantId}, ${t.merchantName}, ${t.region ?? 'beijing'}, ${t.comm ?? '4g'}, true,
          ${t.shopHours ? JSON.stringify(t.shopHours) : null}::jsonb)`.execute(db);
      await sql`insert into terminal_latest (terminal_id, sim, signal)
        values (${t.id}, ${t.sim ? JSON.stringify(t.sim) : null}::jsonb, ${t.signal ? JSON.stringify(t.signal) : null}::jsonb)`.execute(
        db,
      );
    },
    async status(terminalId: string, ts: Date, online: boolean, reason?: string) {
      await sql`insert into status_changes (terminal_id, ts, seq, received_at, online, reason)
        values (${terminalId}, ${ts}, ${seq++}, ${received(ts)}, ${online}, ${reason ?? null})`.execute(db);
    },
    async heartbeat(terminalId: string, ts: Date) {
      await sql`insert into heartbeats (terminal_id, ts, seq, received_at, interval_s, uptime_s, comm, power)
        values (${terminalId}, ${ts}, ${seq++}, ${received(ts)}, 60, 100, '4g', 'mains')`.execute(db);
    },
    async txn(
      terminalId: string,
      ts: Date,
      counts: { approved: number; declined?: number; timeouts?: number; reversals?: number },
    ) {
      await sql`insert into txn_windows (terminal_id, ts, seq, received_at, window_s, approved, declined, timeouts,
          reversals, reversal_failed, comm_errors)
        values (${terminalId}, ${ts}, ${seq++}, ${received(ts)}, 900, ${counts.approved}, ${counts.declined ?? 0},
          ${counts.timeouts ?? 0}, ${counts.reversals ?? 0}, 0, 0)`.execute(db);
    },
    async sim(terminalId: string, ts: Date, balanceMb: number) {
      await sql`insert into sim_samples (terminal_id, ts, seq, received_at, iccid, data_balance_mb, expires_at)
        values (${terminalId}, ${ts}, ${seq++}, ${received(ts)}, '8986001', ${balanceMb}, ${local('2027-06-30T00:00:00')})`.execute(
        db,
      );
    },
    async alert(a: {
      terminalId: string;
      code: string;
      severity: string;
      openedAt: Date;
      acknowledgedAt?: Date;
      resolvedAt?: Date;
    }) {
      const state = a.resolvedAt ? 'resolved' : a.acknowledgedAt ? 'acknowledged' : 'open';
      await sql`insert into alerts (id, code, severity, state, dedup_key, terminal_id, opened_at, acknowledged_at,
          resolved_at, last_raised_at)
        values (gen_random_uuid(), ${a.code}, ${a.severity}, ${state}, ${`terminal:${a.terminalId}:${a.code}:${seq++}`},
          ${a.terminalId}, ${a.openedAt}, ${a.acknowledgedAt ?? null}, ${a.resolvedAt ?? null}, ${a.openedAt})`.execute(
        db,
      );
    },
    async incident(i: { id: string; code: string; startedAt: Date; endedAt: Date; members: string[] }) {
      await sql`insert into incidents (id, code, mcc_mnc, region, started_at, ended_at, terminal_count)
        values (${i.id}, ${i.code}, '46000', 'beijing', ${i.startedAt}, ${i.endedAt}, ${i.members.length})`.execute(
        db,
      );
      for (const member of i.members)
        await sql`insert into incident_members (incident_id, terminal_id) values (${i.id}, ${member})`.execute(
          db,
        );
    },
  };
}

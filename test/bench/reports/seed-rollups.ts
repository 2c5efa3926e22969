import { performance } from 'node:perf_hooks';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../apps/api/src/storage/schema/db-schema';

const DAY_MS = 86_400_000;

export interface SeedPlan {
  terminals: number;
  /** Terminals 1..portfolio: the account manager's merchants. */
  portfolio: number;
  /** Terminals 1..smallFleet: the region of the technician whose CSV is the small fleet. */
  smallFleet: number;
  terminalsPerMerchant: number;
  /** The instants the reports read: the previous period's start to the current one's end. */
  readFrom: Date;
  readTo: Date;
  /** Where SIM use is read from (the current period's start: the day before is its baseline). */
  simFrom: Date;
  /** UTC days (their midnights) on which a report period starts or ends: read from hourly buckets. */
  edgeDays: Date[];
  now: Date;
}

export const SMALL_FLEET_REGION = 'beijing';
const OTHER_REGIONS = ['shanghai', 'guangzhou', 'shenzhen', 'chengdu'];

const terminalId = (i: RawBuilder<unknown>) => sql`'RB' || lpad(${i}::text, 6, '0')`;
const merchantId = (no: RawBuilder<unknown>) => sql`'RM' || lpad(${no}::text, 6, '0')`;
export const benchMerchantId = (no: number): string => `RM${String(no).padStart(6, '0')}`;

/**
 * Fills a freshly migrated database with what the device-health report reads, written
 * directly and set-based: the registry with shop hours, the terminals' latest SIM and
 * signal, the app-side rollups (txn and heartbeat daily over both periods and hourly on the
 * UTC days that hold a period edge, txn hourly over both periods for the portfolio, whose
 * PDF charts it; sim_daily), terminal_outages, resolved alerts and carrier incidents. No raw
 * telemetry: the report never reads it. Deterministic, so runs compare.
 */
export async function seedRollups(
  db: Kysely<DB>,
  plan: SeedPlan,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  await db.connection().execute(async (conn) => {
    const step = async (what: string, query: RawBuilder<unknown>) => {
      const at = performance.now();
      const result = await query.execute(conn);
      const rows = Number(result.numAffectedRows ?? 0);
      log(
        `seed: ${what}: ${rows.toLocaleString('en-US')} rows in ${((performance.now() - at) / 1000).toFixed(1)} s ` +
          `(${((performance.now() - started) / 1000).toFixed(0)} s so far)`,
      );
    };
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`create temp table bench_fleet as
      select i, ${terminalId(sql`i`)} as terminal_id, (i - 1) / ${plan.terminalsPerMerchant}::int as merchant_no,
        case when i <= ${plan.smallFleet}::int then ${SMALL_FLEET_REGION}
          else (${OTHER_REGIONS}::text[])[i % ${OTHER_REGIONS.length}::int + 1] end as region,
        case when i % 20 = 0 then '2g' when i % 7 = 0 then 'wifi' else '4g' end as comm,
        1 + i % 4 as tf, 3 + i % 11 as use_mb, i % 50 = 0 as flaky, i <= ${plan.portfolio}::int as portfolio
      from generate_series(1, ${plan.terminals}::int) i`.execute(conn);
    await sql`create temp table bench_days as
      select d as bucket, case when extract(isodow from d) >= 6 then 2 else 1 end as mult,
        d = any(${plan.edgeDays}::timestamptz[]) as edge, d >= ${new Date(Math.floor(plan.simFrom.getTime() / DAY_MS) * DAY_MS - DAY_MS)}::timestamptz as sim
      from generate_series(${new Date(Math.floor(plan.readFrom.getTime() / DAY_MS) * DAY_MS - DAY_MS)}::timestamptz,
        ${new Date(Math.ceil(plan.readTo.getTime() / DAY_MS) * DAY_MS - DAY_MS)}::timestamptz, interval '1 day') d`.execute(
      conn,
    );
    // Transactions during shop hours, 09:00–22:00 Asia/Shanghai (01–13 UTC), per unit of a terminal's volume.
    await sql`create temp table bench_profile as
      select h as hod, 4 + h % 5 as a, 1 - h % 2 as d, (h % 3 = 0)::int as t, (h = 5)::int as r
      from generate_series(1, 13) h`.execute(conn);

    await step(
      'terminals',
      sql`insert into terminals (terminal_id, merchant_id, merchant_name, region, model, comm, registered, shop_hours)
        select terminal_id, ${merchantId(sql`merchant_no`)},
          case when merchant_no % 97 = 0 then '老王便利店, "' || merchant_no || '号"'
            else (array['便利店','超市','餐厅','咖啡馆','药房'])[merchant_no % 5 + 1] || ' ' || merchant_no || '号' end,
          region, case when i % 3 = 0 then 'Verifone V200c' else 'PAX A920' end, comm, true,
          case when i % 5 < 3 then '{"open":"09:00","close":"22:00"}'::jsonb end
        from bench_fleet`,
    );
    // SIM plans end 5–400 days out: some inside the report's 30 and 60 days, none within the risk horizon.
    await step(
      'terminal_latest',
      sql`insert into terminal_latest (terminal_id, sim, sim_ts, signal, signal_ts)
        select terminal_id,
          jsonb_build_object('iccid', '8986' || lpad(i::text, 16, '0'), 'dataBalanceMb', 40 + i % 900,
            'expiresAt', to_char((${plan.now}::timestamptz + make_interval(days => 5 + i % 400)) at time zone 'UTC',
              'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
          ${plan.now}::timestamptz,
          case when comm = '2g' then jsonb_build_object('comm', comm, 'csq', 4 + i % 20)
            else jsonb_build_object('comm', comm, 'rsrpDbm', -80 - i % 30) end,
          ${plan.now}::timestamptz
        from bench_fleet`,
    );
    await step(
      'heartbeat_daily',
      sql`insert into heartbeat_daily (bucket, terminal_id, heartbeats)
        select d.bucket, f.terminal_id, 144 from bench_fleet f cross join bench_days d`,
    );
    await step(
      'heartbeat_hourly (edge days)',
      sql`insert into heartbeat_hourly (bucket, terminal_id, heartbeats)
        select d.bucket + make_interval(hours => h), f.terminal_id, 6
        from bench_fleet f cross join bench_days d cross join generate_series(0, 23) h where d.edge`,
    );
    await step(
      'txn_daily',
      sql`insert into txn_daily (bucket, terminal_id, windows, approved, declined, timeouts, reversals,
          reversal_failed, comm_errors)
        select d.bucket, f.terminal_id, 52, f.tf * d.mult * p.a, f.tf * d.mult * p.d,
          f.tf * d.mult * p.t * (case when f.flaky then 5 else 1 end), f.tf * d.mult * p.r, 0, 0
        from bench_fleet f cross join bench_days d
        cross join (select sum(a) as a, sum(d) as d, sum(t) as t, sum(r) as r from bench_profile) p`,
    );
    await step(
      'txn_hourly (edge days; every day for the portfolio)',
      sql`insert into txn_hourly (bucket, terminal_id, windows, approved, declined, timeouts, reversals,
          reversal_failed, comm_errors)
        select d.bucket + make_interval(hours => p.hod), f.terminal_id, 4, f.tf * d.mult * p.a, f.tf * d.mult * p.d,
          f.tf * d.mult * p.t * (case when f.flaky then 5 else 1 end), f.tf * d.mult * p.r, 0, 0
        from bench_fleet f cross join bench_days d cross join bench_profile p
        where d.edge or f.portfolio`,
    );
    // Closing balance falls by the day's use and is topped up to 1,000 MB every 25 days; read over the current period only.
    await step(
      'sim_daily',
      sql`insert into sim_daily (bucket, terminal_id, samples, last_balance_mb, min_balance_mb)
        select d.bucket, f.terminal_id, 24, b, b from bench_fleet f cross join bench_days d
        cross join lateral (select 1000.0 - f.use_mb * ((extract(epoch from d.bucket)::bigint / 86400 + f.i) % 25) as b) x
        where d.sim`,
    );
    // Outages in eight slots of the window: most terminals 0–3, every 100th in all eight (repeat offenders).
    const windowMinutes = Math.floor((plan.readTo.getTime() - plan.readFrom.getTime()) / 60_000);
    const slot = Math.floor(windowMinutes / 8);
    await step(
      'terminal_outages',
      sql`insert into terminal_outages (terminal_id, started_at, ended_at, reason)
        select f.terminal_id, s.at, s.at + make_interval(mins => 10 + (f.i * 31 + j * 17) % 170),
          case when f.i % 9 = 0 and j = 0 then 'shutdown' else 'lost' end
        from bench_fleet f
        cross join lateral generate_series(0, case when f.i % 100 = 0 then 7 else f.i % 4 - 1 end) j
        cross join lateral (select ${plan.readFrom}::timestamptz + make_interval(mins =>
          ${slot}::int * (j * case when f.i % 100 = 0 then 1 else 2 end) + ((f.i::bigint * 7919 + j * 104729) % (${slot}::int - 240))::int) as at) s`,
    );
    const codes = ['OFFLINE', 'PAPER_OUT', 'POWER', 'WEAK_SIGNAL', 'COMM_MODULE_FAULT'];
    await step(
      'alerts (resolved)',
      sql`insert into alerts (id, code, severity, state, dedup_key, terminal_id, opened_at, acknowledged_at,
          resolved_at, last_raised_at)
        select gen_random_uuid(), code, case when code = 'OFFLINE' then 'major' else 'minor' end, 'resolved',
          'terminal:' || f.terminal_id || ':' || code, f.terminal_id, s.at,
          s.at + make_interval(mins => 5 + f.i % 55), s.at + make_interval(mins => 60 + f.i % 540), s.at
        from bench_fleet f
        cross join lateral generate_series(0, case when f.i % 100 = 0 then 3 else 0 end) j
        cross join lateral (select (${codes}::text[])[case when f.i % 100 = 0 then 5 else f.i / 10 % 4 + 1 end] as code,
          ${plan.readFrom}::timestamptz + make_interval(mins => ${slot}::int * 2 * j + ((f.i::bigint * 104729) % ${slot}::int)::int) as at) s
        where f.i % 10 = 0`,
    );
    // Three carrier outages in the current period, each holding one terminal in 37.
    await step(
      'incidents',
      sql`insert into incidents (id, code, mcc_mnc, carrier, region, started_at, ended_at, terminal_count)
        select 'bench-inc-' || c, 'CARRIER_OUTAGE', '46001', 'China Unicom', null,
          ${plan.readTo}::timestamptz - make_interval(days => 3 + 7 * c), ${plan.readTo}::timestamptz - make_interval(days => 3 + 7 * c, hours => -2),
          (select count(*) from bench_fleet where i % 37 = c)
        from generate_series(0, 2) c`,
    );
    await step(
      'incident_members',
      sql`insert into incident_members (incident_id, terminal_id)
        select 'bench-inc-' || (i % 37), terminal_id from bench_fleet where i % 37 < 3`,
    );
    await step(
      'terminal_outages (incident members)',
      sql`insert into terminal_outages (terminal_id, started_at, ended_at, reason)
        select m.terminal_id, i.started_at + interval '2 minutes', i.ended_at - interval '5 minutes', 'lost'
        from incident_members m join incidents i on i.id = m.incident_id
        where not exists (select 1 from terminal_outages o where o.terminal_id = m.terminal_id
          and o.started_at < i.ended_at and o.ended_at > i.started_at)`,
    );
    await sql`drop table bench_fleet, bench_days, bench_profile`.execute(conn);
  });
  const at = performance.now();
  // As long-settled tables are: hint bits set and pages all-visible, so neither the first
  // reads (writing hint bits) nor autovacuum (after the bulk insert) run during the timings.
  await sql`vacuum (analyze)`.execute(db);
  log(
    `seed: vacuum (analyze) in ${((performance.now() - at) / 1000).toFixed(1)} s; seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

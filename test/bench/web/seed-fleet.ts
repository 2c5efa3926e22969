import { sql, type Kysely } from 'kysely';
import { CITIES } from './cities';

export interface SeedPlan {
  terminals: number;
  /** Share of terminals given one cause the risk engine finds (paper out, SIM expiry, Last Will, low battery). */
  atRiskShare: number;
  /** Terminals 1..n get 30 days of hourly rollups and daily events. */
  seriesTerminals: number;
  now: Date;
}

export interface SeedResult {
  /** Terminals seeded with a cause: what the at-risk list should hold once the engine ran. */
  expectedAtRisk: number;
  seconds: number;
}

/** Heartbeat interval of the seeded fleet: long enough that nobody goes silent during a run (allowance 30.5 min). */
export const SEED_HEARTBEAT_S = 600;


/**
 * Fills a freshly migrated database with a fleet, set-based: the registry, terminal_latest
 * as the ingestor writes it, the raw rows the risk engine loads at start-up (so it finds the
 * causes itself), and 30 days of hourly rollups for the terminals whose charts are queried.
 * Deterministic (setseed) so runs compare.
 */
export async function seedFleet(db: Kysely<unknown>, plan: SeedPlan): Promise<SeedResult> {
  const started = Date.now();
  const period = Math.max(1, Math.round(1 / Math.max(plan.atRiskShare, 1e-9)));
  const now = plan.now;
  await db.transaction().execute(async (trx) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(trx);
    await run(sql`select setseed(0.42)`);
    await run(sql`create temp table bench_cities (idx int, name text, code text, lat float8, lon float8,
      spread float8, lo int, hi int) on commit drop`);
    let lo = 0;
    for (const [idx, c] of CITIES.entries()) {
      await run(sql`insert into bench_cities values (${idx}, ${c.name}, ${c.code}, ${c.lat}, ${c.lon},
        ${c.spreadDeg}, ${lo}, ${lo + c.weight})`);
      lo += c.weight;
    }
    // One row per terminal with every random choice made once.
    await run(sql`create temp table bench_fleet on commit drop as
      with base as (
        select i, random() as r_city, random() as r1, random() as r2, random() as r3, random() as r4,
          random() as r_comm, random() as r_carrier, random() as r_seen, random() as r_when
        from generate_series(1, ${plan.terminals}::int) i
      )
      select b.i, 'BT' || lpad(b.i::text, 6, '0') as terminal_id, c.name as region, c.code as city_code,
        c.lat + c.spread * (b.r1 + b.r2 - 1) * 2 as lat,
        c.lon + c.spread * (b.r3 + b.r4 - 1) * 2 as lon,
        case when b.r_comm < 0.85 then '4g' when b.r_comm < 0.95 then 'wifi' else '3g' end as comm,
        case when b.r_carrier < 0.55 then '46000' when b.r_carrier < 0.83 then '46001' else '46011' end as mcc_mnc,
        case when b.r_carrier < 0.55 then 'China Mobile' when b.r_carrier < 0.83 then 'China Unicom' else 'China Telecom' end as carrier,
        (-80 - 20 * b.r2)::real as rsrp,
        case when b.i % ${period}::int = 0 then (array['paper','sim_expiry','lost','battery'])[(b.i / ${period}::int) % 4 + 1] end as cause,
        ${now}::timestamptz - make_interval(secs => 1 + 299 * b.r_seen) as seen_at,
        ${now}::timestamptz - make_interval(secs => 3600 + 19 * 3600 * b.r_when) as cause_at
      from base b
      join bench_cities c on floor(b.r_city * ${lo}::int) >= c.lo and floor(b.r_city * ${lo}::int) < c.hi`);
    // A terminal that lost its connection was last heard just before its Last Will.
    await run(sql`update bench_fleet set seen_at = cause_at - interval '1 minute' where cause = 'lost'`);

    await run(sql`insert into terminals (terminal_id, merchant_id, merchant_name, region, lat, lon, model, comm,
        account_manager, registered)
      select terminal_id, 'M' || city_code || lpad((i / 3)::text, 6, '0'), region || ' shop ' || (i / 3),
        region, lat, lon, 'PAX A920', comm, 'am' || (i % 40), true
      from bench_fleet`);

    const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    await run(sql`insert into terminal_latest (terminal_id, heartbeat, heartbeat_ts, signal, signal_ts, sim, sim_ts,
        paper, paper_ts, status_online, status_reason, status_ts, status_received_at,
        last_seen_at, last_received_at)
      select terminal_id,
        jsonb_build_object('ts', ${iso('seen_at')}, 'seq', 7, 'intervalS', ${SEED_HEARTBEAT_S}::int, 'uptimeS', 86400,
          'comm', comm, 'power', case when cause = 'battery' then 'battery' else 'mains' end)
          || case when cause = 'battery' then '{"batteryPct": 12}'::jsonb else '{}'::jsonb end,
        seen_at,
        jsonb_build_object('ts', ${iso('seen_at')}, 'seq', 3, 'comm', comm, 'rsrpDbm', rsrp, 'rsrqDb', -9,
          'sinrDb', 12, 'mccMnc', mcc_mnc),
        seen_at,
        jsonb_build_object('ts', ${iso('seen_at')}, 'seq', 1, 'iccid', '8986' || lpad(i::text, 16, '0'),
          'dataBalanceMb', 420, 'expiresAt', ${iso("case when cause = 'sim_expiry' then cause_at + interval '40 hours' else seen_at + interval '200 days' end")},
          'carrier', carrier, 'mccMnc', mcc_mnc, 'dataPlanMb', 500),
        seen_at,
        jsonb_build_object('ts', ${iso('coalesce(case when cause = \'paper\' then cause_at end, seen_at)')}, 'seq', 2,
          'status', case when cause = 'paper' then 'out' else 'ok' end),
        case when cause = 'paper' then cause_at else seen_at end,
        cause is distinct from 'lost', case when cause = 'lost' then 'lost' end,
        case when cause = 'lost' then cause_at else ${now}::timestamptz - interval '1 day' end,
        case when cause = 'lost' then cause_at else ${now}::timestamptz - interval '1 day' end,
        seen_at, greatest(seen_at, case when cause = 'lost' then cause_at end)
      from bench_fleet`);

    // Raw rows the risk engine's start-up load reads (it recomputes every score itself).
    await run(sql`insert into heartbeats (terminal_id, ts, seq, received_at, interval_s, uptime_s, comm, power,
        battery_pct, fw, model)
      select terminal_id, seen_at, 7, seen_at, ${SEED_HEARTBEAT_S}::int, 86400, comm,
        case when cause = 'battery' then 'battery' else 'mains' end,
        case when cause = 'battery' then 12 end, '2.4.1', 'PAX A920'
      from bench_fleet`);
    await run(sql`insert into signal_samples (terminal_id, ts, seq, received_at, comm, rsrp_dbm, rsrq_db, sinr_db, mcc_mnc)
      select terminal_id, seen_at, 3, seen_at, comm, rsrp, -9, 12, mcc_mnc from bench_fleet`);
    await run(sql`insert into sim_samples (terminal_id, ts, seq, received_at, iccid, data_balance_mb, expires_at,
        carrier, mcc_mnc, data_plan_mb)
      select terminal_id, seen_at, 1, seen_at, '8986' || lpad(i::text, 16, '0'), 420,
        case when cause = 'sim_expiry' then cause_at + interval '40 hours' else seen_at + interval '200 days' end,
        carrier, mcc_mnc, 500
      from bench_fleet`);
    await run(sql`insert into status_changes (terminal_id, ts, seq, received_at, online, reason)
      select terminal_id, ${now}::timestamptz - interval '1 day', 0, ${now}::timestamptz - interval '1 day', true, null
      from bench_fleet
      union all
      select terminal_id, cause_at, 1, cause_at, false, 'lost' from bench_fleet where cause = 'lost'`);
    await run(sql`insert into paper_samples (terminal_id, ts, seq, received_at, status)
      select terminal_id, cause_at, 2, cause_at, 'out' from bench_fleet where cause = 'paper'`);

    await seedSeries(trx, plan);
    await run(sql`drop table bench_fleet`);
    await run(sql`drop table bench_cities`);
  });
  await sql`analyze`.execute(db);
  const expectedAtRisk = Math.floor(plan.terminals / period);
  return { expectedAtRisk, seconds: (Date.now() - started) / 1000 };
}

/** 30 days of hourly rollups (a daily cycle plus noise) and one event a day, for terminals 1..n. */
async function seedSeries(trx: Kysely<unknown>, plan: SeedPlan): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => query.execute(trx);
  const n = Math.min(plan.seriesTerminals, plan.terminals);
  if (n === 0) return;
  await run(sql`create temp table bench_hours on commit drop as
    select f.terminal_id, h as bucket, extract(hour from h)::int as hod, f.i
    from bench_fleet f
    cross join generate_series(date_trunc('hour', ${plan.now}::timestamptz) - interval '30 days',
      date_trunc('hour', ${plan.now}::timestamptz) - interval '1 hour', interval '1 hour') h
    where f.i <= ${n}::int`);
  await run(sql`insert into signal_hourly (bucket, terminal_id, samples, avg_rsrp_dbm, min_rsrp_dbm, max_rsrp_dbm,
      avg_rsrq_db, min_rsrq_db, max_rsrq_db, avg_sinr_db, min_sinr_db, max_sinr_db, line_failures)
    select bucket, terminal_id, 12, v, v - 4, v + 3, -9 - random() * 3, -13, -7, 12 - random() * 6, 3, 16, 0
    from (select *, -88 - 6 * sin(hod / 24.0 * 2 * pi()) - random() * 6 as v from bench_hours) s`);
  await run(sql`insert into sim_hourly (bucket, terminal_id, samples, last_balance_mb, min_balance_mb)
    select bucket, terminal_id, 1, b, b from (
      select *, 500 - 16 * mod(extract(epoch from bucket)::bigint / 3600, 720) / 24.0 as b from bench_hours) s`);
  await run(sql`insert into txn_hourly (bucket, terminal_id, windows, approved, declined, timeouts, reversals,
      reversal_failed, comm_errors)
    select bucket, terminal_id, 4, a, (a * 0.03)::bigint, (random() * 1.2)::bigint, 0, 0, (random() * 1.1)::bigint
    from (select *, case when hod between 1 and 13 then (20 + random() * 30)::bigint else 0 end as a from bench_hours) s`);
  await run(sql`insert into heartbeat_hourly (bucket, terminal_id, heartbeats)
    select bucket, terminal_id, ${3600 / SEED_HEARTBEAT_S}::int from bench_hours`);
  await run(sql`insert into events (terminal_id, ts, seq, received_at, code, detail)
    select terminal_id, bucket + interval '17 minutes', 100 + hod, bucket + interval '17 minutes', 'REBOOT', 'nightly'
    from bench_hours where hod = 20 and bucket < ${plan.now}::timestamptz - interval '2 days'`);
  await run(sql`drop table bench_hours`);
}


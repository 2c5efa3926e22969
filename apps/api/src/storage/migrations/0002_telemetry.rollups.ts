import { sql, type QueryExecutorProvider } from 'kysely';
import type { DatabaseMode } from '../database';
import { runStatements } from './migration';

/**
 * Hourly and daily rollups, frozen with migration 0002. Timescale mode: continuous
 * aggregates (daily built on hourly) with refresh policies. Postgres mode: tables with
 * the same names and columns, filled by the app-side RollupJob.
 */

type Column = readonly [name: string, type: string, fromRaw: string, fromHourly: string];

/** Average of hourly averages, weighted by the samples behind each. */
const weighted = (column: string) =>
  `sum(${column} * samples) / nullif(sum(samples) filter (where ${column} is not null), 0)`;
const avgMinMax = (raw: string): Column[] => [
  [`avg_${raw}`, 'double precision', `avg(${raw})`, weighted(`avg_${raw}`)],
  [`min_${raw}`, 'real', `min(${raw})`, `min(min_${raw})`],
  [`max_${raw}`, 'real', `max(${raw})`, `max(max_${raw})`],
];
const summed = (raw: string, rolled = raw): Column => [
  rolled,
  'bigint',
  `sum(${raw})::bigint`,
  `sum(${rolled})::bigint`,
];

const ROLLUPS: ReadonlyArray<{ name: string; source: string; columns: Column[] }> = [
  {
    name: 'signal',
    source: 'signal_samples',
    columns: [
      ['samples', 'bigint', 'count(*)', 'sum(samples)::bigint'],
      ...avgMinMax('rssi_dbm'),
      ...avgMinMax('rsrp_dbm'),
      ...avgMinMax('rsrq_db'),
      ...avgMinMax('sinr_db'),
      ...avgMinMax('wifi_rssi_dbm'),
      // csq 99 means "unknown", never a level
      ['avg_csq', 'double precision', 'avg(csq) filter (where csq <> 99)', weighted('avg_csq')],
      ['min_csq', 'smallint', 'min(csq) filter (where csq <> 99)', 'min(min_csq)'],
      ['line_failures', 'bigint', 'count(*) filter (where line_ok = false)', 'sum(line_failures)::bigint'],
    ],
  },
  {
    name: 'txn',
    source: 'txn_windows',
    columns: [
      ['windows', 'bigint', 'count(*)', 'sum(windows)::bigint'],
      ...['approved', 'declined', 'timeouts', 'reversals', 'reversal_failed', 'comm_errors'].map((c) =>
        summed(c),
      ),
    ],
  },
  {
    name: 'sim',
    source: 'sim_samples',
    columns: [
      ['samples', 'bigint', 'count(*)', 'sum(samples)::bigint'],
      ['last_balance_mb', 'double precision', 'last(data_balance_mb, ts)', 'last(last_balance_mb, bucket)'],
      ['min_balance_mb', 'double precision', 'min(data_balance_mb)', 'min(min_balance_mb)'],
    ],
  },
  {
    name: 'heartbeat',
    source: 'heartbeats',
    columns: [['heartbeats', 'bigint', 'count(*)', 'sum(heartbeats)::bigint']],
  },
];

const selectList = (columns: Column[], pick: 2 | 3) =>
  columns.map((c) => `${c[pick]} as ${c[0]}`).join(',\n  ');

function continuousAggregates(name: string, source: string, columns: Column[]) {
  return [
    sql.raw(`create materialized view ${name}_hourly
      with (timescaledb.continuous, timescaledb.materialized_only = false) as
      select time_bucket('1 hour', ts) as bucket, terminal_id,
        ${selectList(columns, 2)}
      from ${source} group by 1, 2 with no data`),
    sql.raw(`create materialized view ${name}_daily
      with (timescaledb.continuous, timescaledb.materialized_only = false) as
      select time_bucket('1 day', bucket) as bucket, terminal_id,
        ${selectList(columns, 3)}
      from ${name}_hourly group by 1, 2 with no data`),
    sql.raw(`select add_continuous_aggregate_policy('${name}_hourly',
      start_offset => interval '3 days', end_offset => interval '1 hour', schedule_interval => interval '15 minutes')`),
    sql.raw(`select add_continuous_aggregate_policy('${name}_daily',
      start_offset => interval '5 days', end_offset => interval '1 hour', schedule_interval => interval '1 hour')`),
  ];
}

function rollupTables(name: string, columns: Column[]) {
  const columnDefs = columns.map(([column, type]) => `${column} ${type}`).join(', ');
  return ['hourly', 'daily'].map((grain) =>
    sql.raw(`create table ${name}_${grain} (
      bucket timestamptz not null,
      terminal_id text collate "C" not null,
      ${columnDefs},
      primary key (terminal_id, bucket)
    )`),
  );
}

export async function rollupUp(db: QueryExecutorProvider, mode: DatabaseMode): Promise<void> {
  for (const { name, source, columns } of ROLLUPS) {
    await runStatements(
      db,
      mode === 'timescale' ? continuousAggregates(name, source, columns) : rollupTables(name, columns),
    );
  }
  if (mode === 'postgres') {
    // How far the RollupJob has folded raw rows in, by platform receive time.
    await sql`create table rollup_watermarks (name text primary key, received_to timestamptz not null)`.execute(
      db,
    );
  }
}

export async function rollupDown(db: QueryExecutorProvider, mode: DatabaseMode): Promise<void> {
  const kind = mode === 'timescale' ? 'materialized view' : 'table';
  for (const { name } of [...ROLLUPS].reverse()) {
    await sql.raw(`drop ${kind} if exists ${name}_daily`).execute(db);
    await sql.raw(`drop ${kind} if exists ${name}_hourly`).execute(db);
  }
  if (mode === 'postgres') await sql`drop table if exists rollup_watermarks`.execute(db);
}

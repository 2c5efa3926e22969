import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';
import { rollupDown, rollupUp } from './0002_telemetry.rollups';

/**
 * Raw telemetry, one table per channel. (terminal_id, ts, seq) is the primary key: it
 * makes storage idempotent and doubles as the (terminal_id, ts) index for per-terminal
 * range scans. Timescale mode makes them hypertables with compression and retention.
 */
const RAW_TABLES: ReadonlyArray<readonly [table: string, columns: string]> = [
  [
    'heartbeats',
    'interval_s integer, uptime_s bigint, comm text, power text, battery_pct real, fw text, model text',
  ],
  [
    'signal_samples',
    `comm text, rssi_dbm real, rsrp_dbm real, rsrq_db real, sinr_db real, csq smallint, mcc_mnc text,
     cell_id text, lac text, wifi_rssi_dbm real, line_ok boolean`,
  ],
  [
    'sim_samples',
    'iccid text, data_balance_mb double precision, expires_at timestamptz, carrier text, mcc_mnc text, data_plan_mb double precision',
  ],
  ['paper_samples', 'status text'],
  [
    'txn_windows',
    `window_s integer, approved bigint, declined bigint, timeouts bigint, reversals bigint,
     reversal_failed bigint, comm_errors bigint`,
  ],
  ['events', 'code text, detail text'],
  ['status_changes', 'online boolean, reason text'],
];

const createRaw = (table: string, columns: string) =>
  sql.raw(`create table ${table} (
    terminal_id text collate "C" not null,
    ts timestamptz not null,
    seq bigint not null,
    received_at timestamptz not null,
    ${columns},
    primary key (terminal_id, ts, seq)
  )`);

const hypertable = (table: string) => [
  sql`select create_hypertable(${table}::regclass, 'ts', chunk_time_interval => interval '1 day')`,
  sql.raw(`alter table ${table} set (
    timescaledb.compress,
    timescaledb.compress_segmentby = 'terminal_id',
    timescaledb.compress_orderby = 'ts desc, seq desc'
  )`),
  sql`select add_compression_policy(${table}::regclass, interval '3 days')`,
  sql`select add_retention_policy(${table}::regclass, interval '30 days')`,
];

// Plain PostgreSQL: BRIN indexes are nearly free on insert and serve time-window scans
// (incidents by ts) and the rollup job's "received since" scans.
const plainIndexes = (table: string) => [
  sql.raw(`create index ${table}_ts_brin on ${table} using brin (ts)`),
  sql.raw(`create index ${table}_received_brin on ${table} using brin (received_at)`),
];

export const migration0002Telemetry: MigrationFactory = (mode) => ({
  async up(db) {
    for (const [table, columns] of RAW_TABLES) {
      await runStatements(db, [
        createRaw(table, columns),
        ...(mode === 'timescale' ? hypertable(table) : plainIndexes(table)),
      ]);
    }
    await rollupUp(db, mode);
  },
  async down(db) {
    await rollupDown(db, mode);
    for (const [table] of [...RAW_TABLES].reverse())
      await sql.raw(`drop table if exists ${table}`).execute(db);
  },
});

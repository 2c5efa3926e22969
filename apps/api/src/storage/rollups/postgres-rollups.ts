/**
 * Postgres mode: how each rollup table (created by migration 0002 with the same names and
 * columns as the timescale continuous aggregates) is computed. Hourly buckets read raw
 * rows; daily buckets read the hourly table, as the hierarchical aggregates do.
 */

export interface RollupSpec {
  /** Raw table whose newly received rows mark buckets to recompute. */
  raw: string;
  table: string;
  readFrom: string;
  timeColumn: 'ts' | 'bucket';
  width: '1 hour' | '1 day';
  columns: ReadonlyArray<readonly [column: string, expression: string]>;
}

const weighted = (column: string) =>
  `sum(${column} * samples) / nullif(sum(samples) filter (where ${column} is not null), 0)`;
const SIGNAL_LEVELS = ['rssi_dbm', 'rsrp_dbm', 'rsrq_db', 'sinr_db', 'wifi_rssi_dbm'];
const TXN_COUNTS = ['approved', 'declined', 'timeouts', 'reversals', 'reversal_failed', 'comm_errors'];
/** Value at the newest time in the group, like timescale's last(value, time). */
const last = (value: string, time: string) => `(array_agg(${value} order by ${time} desc))[1]`;

type Columns = RollupSpec['columns'];
const pair = (raw: string, hourly: Columns, daily: Columns, name: string) =>
  [
    { raw, table: `${name}_hourly`, readFrom: raw, timeColumn: 'ts', width: '1 hour', columns: hourly },
    {
      raw,
      table: `${name}_daily`,
      readFrom: `${name}_hourly`,
      timeColumn: 'bucket',
      width: '1 day',
      columns: daily,
    },
  ] as const satisfies readonly RollupSpec[];

export const POSTGRES_ROLLUPS: readonly RollupSpec[] = [
  ...pair(
    'signal_samples',
    [
      ['samples', 'count(*)'],
      ...SIGNAL_LEVELS.flatMap(
        (l) =>
          [
            [`avg_${l}`, `avg(${l})`],
            [`min_${l}`, `min(${l})`],
            [`max_${l}`, `max(${l})`],
          ] as const,
      ),
      ['avg_csq', 'avg(csq) filter (where csq <> 99)'],
      ['min_csq', 'min(csq) filter (where csq <> 99)'],
      ['line_failures', 'count(*) filter (where line_ok = false)'],
    ],
    [
      ['samples', 'sum(samples)'],
      ...SIGNAL_LEVELS.flatMap(
        (l) =>
          [
            [`avg_${l}`, weighted(`avg_${l}`)],
            [`min_${l}`, `min(min_${l})`],
            [`max_${l}`, `max(max_${l})`],
          ] as const,
      ),
      ['avg_csq', weighted('avg_csq')],
      ['min_csq', 'min(min_csq)'],
      ['line_failures', 'sum(line_failures)'],
    ],
    'signal',
  ),
  ...pair(
    'txn_windows',
    [['windows', 'count(*)'], ...TXN_COUNTS.map((c) => [c, `sum(${c})`] as const)],
    [['windows', 'sum(windows)'], ...TXN_COUNTS.map((c) => [c, `sum(${c})`] as const)],
    'txn',
  ),
  ...pair(
    'sim_samples',
    [
      ['samples', 'count(*)'],
      ['last_balance_mb', last('data_balance_mb', 'ts')],
      ['min_balance_mb', 'min(data_balance_mb)'],
    ],
    [
      ['samples', 'sum(samples)'],
      ['last_balance_mb', last('last_balance_mb', 'bucket')],
      ['min_balance_mb', 'min(min_balance_mb)'],
    ],
    'sim',
  ),
  ...pair('heartbeats', [['heartbeats', 'count(*)']], [['heartbeats', 'sum(heartbeats)']], 'heartbeat'),
];

/** Shared by every query that buckets raw rows, so app-side buckets match time_bucket's. */
export const BUCKET_ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";

/**
 * Recomputes every bucket that received rows in [$1, $2) (platform time): late and
 * out-of-order data lands in the right bucket, and untouched buckets cost nothing.
 */
export function refreshSql(spec: RollupSpec): string {
  const columns = spec.columns.map(([column]) => column);
  return `
with touched as (
  select distinct terminal_id as t_terminal_id, date_bin(interval '${spec.width}', ts, ${BUCKET_ORIGIN}) as t_bucket
  from ${spec.raw}
  where received_at >= $1 and received_at < $2
)
insert into ${spec.table} (bucket, terminal_id, ${columns.join(', ')})
select t_bucket, t_terminal_id, ${spec.columns.map(([column, expression]) => `${expression} as ${column}`).join(',\n  ')}
from touched
join ${spec.readFrom} s
  on s.terminal_id = t_terminal_id and s.${spec.timeColumn} >= t_bucket and s.${spec.timeColumn} < t_bucket + interval '${spec.width}'
group by t_bucket, t_terminal_id
on conflict (terminal_id, bucket) do update set
  ${columns.map((c) => `${c} = excluded.${c}`).join(',\n  ')}`;
}

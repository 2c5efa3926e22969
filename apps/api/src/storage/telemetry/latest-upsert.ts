import { toJsonb } from './clean-text';
import { STATE_CHANNELS, type LatestUpdate } from './latest-state';

/**
 * One upsert of terminal_latest for the whole batch, fed one JSON array (rows nest their
 * channel payloads, so nothing is encoded twice). Per channel the newer device ts wins:
 * a late or repeated message never rolls state back. The status that arrived last wins;
 * `online`/`online_reason` are generated columns derived from it.
 */
const STATUS_COLUMNS = ['status_online', 'status_reason', 'status_ts', 'status_received_at'];
const TIME_COLUMNS = [
  'status_ts',
  'status_received_at',
  'alive_received_at',
  'last_seen_at',
  'last_received_at',
];
const COLUMNS = [
  'terminal_id',
  ...STATE_CHANNELS.flatMap((c) => [c, `${c}_ts`]),
  'status_online',
  'status_reason',
  ...TIME_COLUMNS,
];
const isTime = (column: string) => column.endsWith('_ts') || TIME_COLUMNS.includes(column);
const isJson = (column: string) => (STATE_CHANNELS as readonly string[]).includes(column);

// Times travel as epoch ms (`<column>_ms`): parsing numbers is far cheaper than ISO text.
const RECORD_TYPE = COLUMNS.map((c) =>
  isTime(c) ? `${c}_ms float8` : `${c} ${isJson(c) ? 'jsonb' : c === 'status_online' ? 'boolean' : 'text'}`,
);
const SELECT_LIST = COLUMNS.map((c) => (isTime(c) ? `to_timestamp(${c}_ms / 1000.0)` : c));

/** SET list that moves each column forward only; `n` names the incoming row (`u` or `excluded`). */
function forwardOnly(n: string): string {
  const channel = (c: string) => [
    `${c} = case when t.${c}_ts is null or ${n}.${c}_ts > t.${c}_ts then ${n}.${c} else t.${c} end`,
    `${c}_ts = greatest(t.${c}_ts, ${n}.${c}_ts)`,
  ];
  const newerStatus = `${n}.status_received_at is not null and (t.status_received_at is null or ${n}.status_received_at >= t.status_received_at)`;
  const status = (c: string) => `${c} = case when ${newerStatus} then ${n}.${c} else t.${c} end`;
  const latest = (c: string) => `${c} = greatest(t.${c}, ${n}.${c})`;
  return [
    ...STATE_CHANNELS.flatMap(channel),
    ...STATUS_COLUMNS.map(status),
    ...['alive_received_at', 'last_seen_at', 'last_received_at'].map(latest),
    'updated_at = now()',
  ].join(',\n    ');
}

/**
 * Known terminals take a plain UPDATE (cheaper than ON CONFLICT's speculative insert and
 * row lock); the rest are inserted, with ON CONFLICT for a concurrent batch that got there first.
 */
export const UPSERT_LATEST_SQL = `
with u as materialized (
  select ${SELECT_LIST.map((expression, i) => `${expression} as ${COLUMNS[i]}`).join(', ')}
  from jsonb_to_recordset($1::jsonb) as r(${RECORD_TYPE.join(', ')})
),
updated as (
  update terminal_latest as t set
    ${forwardOnly('u')}
  from u where t.terminal_id = u.terminal_id
  returning t.terminal_id
)
insert into terminal_latest as t (${COLUMNS.join(', ')})
select ${COLUMNS.join(', ')} from u
where not exists (select 1 from updated where updated.terminal_id = u.terminal_id)
on conflict (terminal_id) do update set
    ${forwardOnly('excluded')}`;

/** The JSON parameter of UPSERT_LATEST_SQL: one object per terminal, absent keys read as null. */
export function latestUpsertJson(updates: readonly LatestUpdate[]): string {
  const rows = updates.map((u) => {
    const row: Record<string, unknown> = {
      terminal_id: u.terminalId,
      alive_received_at_ms: u.aliveReceivedAt,
      last_seen_at_ms: u.lastSeenAt,
      last_received_at_ms: u.lastReceivedAt,
    };
    for (const channel of STATE_CHANNELS) {
      const state = u.channels[channel];
      if (!state) continue;
      row[channel] = { ...state.payload, ts: new Date(state.ts).toISOString() };
      row[`${channel}_ts_ms`] = state.ts;
    }
    if (u.status) {
      row.status_online = u.status.online;
      row.status_reason = u.status.reason;
      row.status_ts_ms = u.status.ts;
      row.status_received_at_ms = u.status.receivedAt;
    }
    return row;
  });
  return toJsonb(rows);
}

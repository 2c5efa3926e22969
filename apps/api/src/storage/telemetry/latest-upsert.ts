import { toPgJson } from './clean-text';
import { Float8ArrayParam } from './float8-array-param';
import { instantText } from './instant-text';
import { STATE_CHANNELS, type LatestUpdate, type StateChannel } from './latest-state';
import { toArrayLiteral } from './pg-array-literal';

/** Array literals and JSON text, and epoch-ms columns that node-pg sends in binary. */
export type LatestParameter = string | Float8ArrayParam;

/**
 * terminal_latest for the whole batch in one UPDATE fed one array per column (unnest),
 * plus an INSERT for terminals seen for the first time. The statements name only the
 * channels the batch carries: a batch of heartbeats neither ships nor recomputes the
 * other channels' columns; with unnest instead of the former all-columns JSON recordset
 * this cut the server's cost by about a third. Payloads stay `json` (validated text):
 * building jsonb from them was a quarter of the statement's time. Per channel the newer
 * device ts wins: a late or repeated message never rolls state back, and so does the
 * newest status; `online`/`online_reason` are generated columns derived from it.
 */
export interface LatestUpsert {
  /** UPDATE of the rows that exist; its row count tells whether any were missing. */
  update: string;
  /** INSERT … ON CONFLICT DO UPDATE of every row, for a batch with first-seen terminals. */
  insert: string;
  /** Parameters of both statements. */
  parameters: LatestParameter[];
}

interface Column {
  name: string;
  /** Type of the parameter: an array, or `json` for an array of JSON values. */
  type: string;
  /** Expression turning the parameter `p` into an SQL array, when it is not one already. */
  array?: (p: string) => string;
  /** Expression turning the unnested value `v` into the column's value. */
  value: (v: string) => string;
  /** SET expression moving the column forward only; `n` names the incoming row. */
  set: (n: string) => string;
}

const epoch = (v: string) => `to_timestamp(${v} / 1000.0)`;
const plain = (v: string) => v;
const latest = (name: string): Column => ({
  name,
  type: 'float8[]',
  value: epoch,
  set: (n) => `${name} = greatest(t.${name}, ${n}.${name})`,
});

const ALWAYS: Column[] = [latest('last_seen_at'), latest('last_received_at')];

function channelColumns(c: StateChannel): Column[] {
  return [
    {
      name: c,
      // One JSON array for all the batch's payloads: JSON.stringify once, no per-value
      // array-literal escaping of every quote (about a quarter of the store's own CPU time).
      // A set-returning function in a bare select list yields its rows in order (array_agg
      // with ordinality and a sort cost 10% more). A terminal without this channel has a
      // JSON null there and a null ts: stored as SQL NULL.
      type: 'json',
      array: (p) => `array(select json_array_elements(${p}))`,
      value: (v) => `case when ${v}_ts is not null then ${v} end`,
      set: (n) =>
        `${c} = case when t.${c}_ts is null or ${n}.${c}_ts > t.${c}_ts then ${n}.${c} else t.${c} end`,
    },
    {
      name: `${c}_ts`,
      type: 'float8[]',
      value: epoch,
      set: (n) => `${c}_ts = greatest(t.${c}_ts, ${n}.${c}_ts)`,
    },
  ];
}

// Device time decides, as in foldLatest; a tie goes to the later arrival.
const newerStatus = (n: string) =>
  `${n}.status_ts is not null and (t.status_ts is null or ${n}.status_ts > t.status_ts
    or (${n}.status_ts = t.status_ts and ${n}.status_received_at >= t.status_received_at))`;
const statusColumn = (name: string, type: string, value: (v: string) => string): Column => ({
  name,
  type,
  value,
  set: (n) => `${name} = case when ${newerStatus(n)} then ${n}.${name} else t.${name} end`,
});
const STATUS: Column[] = [
  statusColumn('status_online', 'boolean[]', plain),
  statusColumn('status_reason', 'text[]', plain),
  statusColumn('status_ts', 'float8[]', epoch),
  statusColumn('status_received_at', 'float8[]', epoch),
];

interface Statements {
  update: string;
  insert: string;
}

function statements(columns: readonly Column[]): Statements {
  const names = ['terminal_id', ...columns.map((c) => c.name)];
  const select = ['terminal_id', ...columns.map((c) => `${c.value(`v.${c.name}`)} as ${c.name}`)].join(', ');
  // The arrays come through a fenced subquery (offset 0) so the planner cannot count them
  // and plans the UPDATE as a nested loop of primary-key lookups in input order: rows are
  // locked in terminal order (no deadlock between concurrent batches or with the risk
  // writer) and a large table is never scanned, however many rows a batch holds.
  const params = ['$1::text[]', ...columns.map((c, i) => (c.array ?? plain)(`$${i + 2}::${c.type}`))];
  const fenced = `(select ${params.map((p, i) => `${p} as a${i}`).join(', ')} offset 0) as p`;
  const input = `select ${select} from ${fenced}, unnest(${params.map((_, i) => `p.a${i}`).join(', ')}) as v(${names.join(', ')})`;
  const set = (n: string) => [...columns.map((c) => c.set(n)), 'updated_at = now()'].join(',\n    ');
  return {
    update: `
update terminal_latest as t set
    ${set('u')}
from (${input}) as u
where t.terminal_id = u.terminal_id`,
    // ON CONFLICT for a concurrent batch that created the row first.
    insert: `
insert into terminal_latest as t (${names.join(', ')})
${input}
on conflict (terminal_id) do update set
    ${set('excluded')}`,
  };
}

/** Statement texts per set of columns (at most 2^7 of them), built once. */
const cache = new Map<string, Statements>();

/**
 * The upsert for `updates` (one per terminal, sorted by terminal id, so concurrent
 * batches lock rows in one order): known terminals take a plain UPDATE (cheaper than
 * ON CONFLICT's speculative insertion); `insert` is for batches where it missed some.
 */
export function latestUpsert(updates: readonly LatestUpdate[]): LatestUpsert {
  const channels = STATE_CHANNELS.filter((c) => updates.some((u) => u.channels[c] !== undefined));
  const withStatus = updates.some((u) => u.status !== undefined);
  const key = `${channels.join(',')}|${withStatus}`;
  let texts = cache.get(key);
  if (texts === undefined) {
    texts = statements([...ALWAYS, ...channels.flatMap(channelColumns), ...(withStatus ? STATUS : [])]);
    cache.set(key, texts);
  }
  return { ...texts, parameters: columnArrays(updates, channels, withStatus) };
}

function columnArrays(
  updates: readonly LatestUpdate[],
  channels: readonly StateChannel[],
  withStatus: boolean,
): LatestParameter[] {
  const parameters: LatestParameter[] = [
    toArrayLiteral(updates.map((u) => u.terminalId)),
    new Float8ArrayParam(updates.map((u) => u.lastSeenAt)),
    new Float8ArrayParam(updates.map((u) => u.lastReceivedAt)),
  ];
  for (const channel of channels) {
    const states = updates.map((u) => u.channels[channel]);
    parameters.push(
      toPgJson(states.map((s) => (s ? { ...s.payload, ts: instantText(s.ts) } : null))),
      new Float8ArrayParam(states.map((s) => s?.ts)),
    );
  }
  if (withStatus) {
    const statuses = updates.map((u) => u.status);
    parameters.push(
      toArrayLiteral(statuses.map((s) => s?.online)),
      toArrayLiteral(statuses.map((s) => s?.reason)),
      new Float8ArrayParam(statuses.map((s) => s?.ts)),
      new Float8ArrayParam(statuses.map((s) => s?.receivedAt)),
    );
  }
  return parameters;
}

import type { Channel } from '@fleet/telemetry/protocol/topics';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { cleanText } from './clean-text';
import { toArrayLiteral } from './pg-array-literal';
import { RAW_CHANNELS, type RawChannelSpec } from './raw-channels';

/** One multi-row insert for every message of one channel: the SQL text and its array parameters. */
export interface RawInsert {
  channel: Channel;
  sql: string;
  /** One array literal per column, in the statement's parameter order. */
  parameters: string[];
}

/**
 * How a batch's rows go in. `plain`: a bare multi-row insert; a row already stored fails
 * the whole transaction with a unique violation (about a third less server CPU than
 * ON CONFLICT's speculative insertion, and nothing to read back). `skipStored`: on
 * conflict do nothing, answering with the messages that were already stored, which is
 * usually none (reading back every stored row cost more than the insert itself).
 */
export type RawInsertMode = 'plain' | 'skipStored';

/**
 * One statement per channel: `insert … select from unnest($1::text[], $2::float8[], …)`.
 * Times travel as epoch-ms numbers: cheaper to encode here and to parse there than ISO text.
 */
function insertSql(spec: RawChannelSpec<Channel>, mode: RawInsertMode): string {
  const columns = spec.columns.map((c) => c.name).join(', ');
  const arrays = ['$1::text[]', '$2::float8[]', '$3::bigint[]', '$4::float8[]']
    .concat(spec.columns.map((c, i) => `$${i + 5}::${c.pgType}[]`))
    .join(', ');
  const input = `select terminal_id, to_timestamp(ts_ms / 1000.0) as ts, seq, to_timestamp(received_ms / 1000.0) as received_at, ${columns}
  from unnest(${arrays}) as u(terminal_id, ts_ms, seq, received_ms, ${columns})`;
  const into = `insert into ${spec.table} (terminal_id, ts, seq, received_at, ${columns})`;
  if (mode === 'plain') return `\n${into}\n${input}`;
  return `
with input as (
  ${input}
),
inserted as (
  ${into}
  select * from input
  on conflict do nothing
  returning terminal_id, ts, seq
)
select terminal_id, (extract(epoch from ts) * 1000)::float8 as ts_ms, seq
from input i
where not exists (select 1 from inserted n where n.terminal_id = i.terminal_id and n.ts = i.ts and n.seq = i.seq)`;
}

const sqlByChannel = (mode: RawInsertMode) =>
  Object.fromEntries(
    Object.entries(RAW_CHANNELS).map(([channel, spec]) => [
      channel,
      insertSql(spec as RawChannelSpec<Channel>, mode),
    ]),
  ) as Record<Channel, string>;

const SQL: Record<RawInsertMode, Record<Channel, string>> = {
  plain: sqlByChannel('plain'),
  skipStored: sqlByChannel('skipStored'),
};

/** Messages by channel, in order of first appearance. */
export function groupByChannel(messages: readonly TelemetryMessage[]): Map<Channel, TelemetryMessage[]> {
  const byChannel = new Map<Channel, TelemetryMessage[]>();
  for (const message of messages) {
    const group = byChannel.get(message.channel);
    if (group) group.push(message);
    else byChannel.set(message.channel, [message]);
  }
  return byChannel;
}

/** Groups messages (unique by key) by channel and turns each group into column arrays. */
export function buildRawInserts(
  messages: readonly TelemetryMessage[],
  mode: RawInsertMode = 'skipStored',
): RawInsert[] {
  return [...groupByChannel(messages)].map(([channel, group]) => ({
    channel,
    sql: SQL[mode][channel],
    parameters: columnArrays(RAW_CHANNELS[channel] as RawChannelSpec<Channel>, group),
  }));
}

function columnArrays(spec: RawChannelSpec<Channel>, group: readonly TelemetryMessage[]): string[] {
  const arrays: unknown[][] = Array.from({ length: 4 + spec.columns.length }, () => new Array(group.length));
  group.forEach((message, row) => {
    arrays[0]![row] = cleanText(message.terminalId);
    arrays[1]![row] = message.ts;
    arrays[2]![row] = message.seq;
    arrays[3]![row] = message.receivedAt;
    spec.columns.forEach((column, i) => {
      arrays[4 + i]![row] = column.read(message.payload);
    });
  });
  return arrays.map(toArrayLiteral);
}

/** Identity of a stored message: the raw tables' key plus the channel. */
export function messageKey(channel: Channel, terminalId: string, ts: number, seq: number): string {
  return `${channel}\u0001${terminalId}\u0001${ts}\u0001${seq}`;
}

const keyOf = (m: TelemetryMessage) => messageKey(m.channel, m.terminalId, m.ts, m.seq);

/** The first copy of every message, so each insert sees each key once. */
export function uniqueMessages(messages: readonly TelemetryMessage[]): TelemetryMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = keyOf(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Messages minus those whose keys are in `stored`. */
export function withoutKeys(messages: TelemetryMessage[], stored: ReadonlySet<string>): TelemetryMessage[] {
  return stored.size === 0 ? messages : messages.filter((m) => !stored.has(keyOf(m)));
}

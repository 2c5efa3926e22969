import type { Channel } from '@fleet/telemetry/protocol/topics';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { cleanText } from './clean-text';
import { copyField } from './copy-text';
import { instantText } from './instant-text';
import { groupByChannel } from './raw-insert';
import { RAW_CHANNELS, type RawChannelSpec } from './raw-channels';

/** One `COPY … FROM STDIN` per channel: the statement and its rows in COPY text format. */
export interface RawCopy {
  channel: Channel;
  sql: string;
  text: string;
}

const copySql = (spec: RawChannelSpec<Channel>) =>
  `copy ${spec.table} (terminal_id, ts, seq, received_at, ${spec.columns.map((c) => c.name).join(', ')}) from stdin`;

const SQL = Object.fromEntries(
  Object.entries(RAW_CHANNELS).map(([channel, spec]) => [channel, copySql(spec as RawChannelSpec<Channel>)]),
) as Record<Channel, string>;

/**
 * The plain mode of the raw inserts as COPY, for the server driver: no ON CONFLICT either,
 * so a stored row fails the batch with the same unique violation and the store's fallback
 * applies unchanged. Rows match what the unnest inserts would store, value for value.
 */
export function buildRawCopies(messages: readonly TelemetryMessage[]): RawCopy[] {
  return [...groupByChannel(messages)].map(([channel, group]) => {
    const spec = RAW_CHANNELS[channel] as RawChannelSpec<Channel>;
    let text = '';
    for (const message of group) {
      let line = `${copyField(cleanText(message.terminalId))}\t${instantText(message.ts)}\t${copyField(message.seq)}\t${instantText(message.receivedAt)}`;
      for (const column of spec.columns) line += `\t${copyField(column.read(message.payload))}`;
      text += `${line}\n`;
    }
    return { channel, sql: SQL[channel], text };
  });
}

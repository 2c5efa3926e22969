/** Topic layout of protocol v1: fleet/v1/{terminalId}/{channel}. */

export const CHANNELS = ['heartbeat', 'signal', 'sim', 'paper', 'txn', 'event', 'status'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TERMINAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const TOPIC_PREFIX = 'fleet/v1/';
/** Everything a terminal may publish; the ingestor subscribes to this. */
export const FLEET_WILDCARD = 'fleet/v1/+/+';

export function topicFor(terminalId: string, channel: Channel): string {
  return `${TOPIC_PREFIX}${terminalId}/${channel}`;
}

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

export type TopicRejectReason = 'topic_outside_fleet_v1' | 'topic_shape' | 'bad_terminal_id' | 'unknown_channel';

export type ParsedTopic =
  | { ok: true; terminalId: string; channel: Channel }
  | { ok: false; reason: TopicRejectReason; terminalId?: string };

/** Splits a topic into terminal id and channel, naming what is wrong when it cannot. */
export function parseTopic(topic: string): ParsedTopic {
  if (!topic.startsWith(TOPIC_PREFIX)) return { ok: false, reason: 'topic_outside_fleet_v1' };
  const rest = topic.slice(TOPIC_PREFIX.length).split('/');
  if (rest.length !== 2) return { ok: false, reason: 'topic_shape' };
  const [terminalId, channel] = rest as [string, string];
  if (!TERMINAL_ID_PATTERN.test(terminalId)) return { ok: false, reason: 'bad_terminal_id' };
  if (!isChannel(channel)) return { ok: false, reason: 'unknown_channel', terminalId };
  return { ok: true, terminalId, channel };
}

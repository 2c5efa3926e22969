import type { Channel } from '@fleet/telemetry/protocol/topics';
import { topicFor } from '@fleet/telemetry/protocol/topics';
import type { Fleet } from '../fleet/build-fleet';
import { fleetTimeline } from '../timeline/fleet-timeline';

/** One MQTT message of a backfill. `at` is when it reaches the broker; payload.ts is the device time. */
export interface HistoryMessage {
  topic: string;
  payload: Record<string, unknown>;
  qos: 1;
  retain: boolean;
  at: number;
  terminalId: string;
  channel: Channel;
}

export interface HistoryOptions {
  fleet: Fleet;
  /** Window in epoch ms, [from, to). */
  from: number;
  to: number;
}

/**
 * Everything the fleet would have sent over a past window, ordered by arrival, with every
 * fault playing out. Deterministic: same fleet and window, same messages. Lazy, so a week of
 * a large fleet streams through without being held in memory.
 */
export function* generateHistory({ fleet, from, to }: HistoryOptions): Generator<HistoryMessage> {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) throw new RangeError('history window needs from < to (epoch ms)');
  for (const action of fleetTimeline(fleet.terminals, { from, to })) {
    const tid = action.terminalId;
    const message = (channel: Channel, payload: object, retain: boolean): HistoryMessage => ({
      topic: topicFor(tid, channel),
      payload: payload as Record<string, unknown>,
      qos: 1,
      retain,
      at: action.at,
      terminalId: tid,
      channel,
    });
    switch (action.kind) {
      case 'connect':
        yield message('status', action.status, true);
        break;
      case 'publish':
        yield message(action.channel, action.payload, action.retain);
        break;
      // The broker delivers the Last Will when the link dies.
      case 'drop':
        yield message('status', action.will, true);
        break;
      case 'disconnect':
        break;
    }
  }
}

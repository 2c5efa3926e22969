import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { cleanText } from './clean-text';

/** Channels whose newest sample (by device ts) is kept in terminal_latest. */
export const STATE_CHANNELS = ['heartbeat', 'signal', 'sim', 'paper', 'txn', 'event'] as const;
export type StateChannel = (typeof STATE_CHANNELS)[number];

export interface ChannelState {
  ts: number;
  /** The payload as received (`ts` in epoch ms); stored with `ts` as ISO text. */
  payload: Record<string, unknown>;
}

export interface StatusState {
  online: boolean;
  reason: string | null;
  ts: number;
  receivedAt: number;
}

/** What one batch says about one terminal, folded so the upsert touches each row once. */
export interface LatestUpdate {
  terminalId: string;
  channels: Partial<Record<StateChannel, ChannelState>>;
  /** The newest status by device time (an undated Last Will was dated on receipt); a tie goes to the later arrival. */
  status?: StatusState;
  lastSeenAt: number;
  lastReceivedAt: number;
}

const isStateChannel = (channel: string): channel is StateChannel =>
  (STATE_CHANNELS as readonly string[]).includes(channel);

const isNewerStatus = (ts: number, receivedAt: number, than: StatusState) =>
  ts > than.ts || (ts === than.ts && receivedAt >= than.receivedAt);

/** Folds a batch (in arrival order) into one update per terminal, sorted by terminal id. */
export function foldLatest(messages: readonly TelemetryMessage[]): LatestUpdate[] {
  const updates = new Map<string, LatestUpdate>();
  for (const message of messages) {
    let update = updates.get(message.terminalId);
    if (!update) {
      update = {
        terminalId: message.terminalId,
        channels: {},
        lastSeenAt: message.ts,
        lastReceivedAt: message.receivedAt,
      };
      updates.set(message.terminalId, update);
    }
    update.lastSeenAt = Math.max(update.lastSeenAt, message.ts);
    update.lastReceivedAt = Math.max(update.lastReceivedAt, message.receivedAt);
    if (message.channel === 'status') {
      const { online, reason } = message.payload;
      if (!update.status || isNewerStatus(message.ts, message.receivedAt, update.status)) {
        update.status = {
          online,
          reason: reason === undefined ? null : cleanText(reason),
          ts: message.ts,
          receivedAt: message.receivedAt,
        };
      }
      continue;
    }
    if (isStateChannel(message.channel)) {
      const current = update.channels[message.channel];
      if (!current || message.ts > current.ts) {
        update.channels[message.channel] = { ts: message.ts, payload: message.payload };
      }
    }
  }
  return [...updates.values()].sort((a, b) =>
    a.terminalId < b.terminalId ? -1 : a.terminalId > b.terminalId ? 1 : 0,
  );
}

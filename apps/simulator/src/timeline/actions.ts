import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import type { Channel } from '@fleet/telemetry/protocol/topics';

export type StatusInput = ChannelInputs['status'];

/**
 * What a terminal does, in the order it does it. `at` is when it happens (epoch ms);
 * for a flushed message that is later than the payload's `ts`.
 */
export type TerminalAction =
  | { kind: 'connect'; at: number; terminalId: string; status: StatusInput; will: StatusInput }
  | { kind: 'publish'; at: number; terminalId: string; channel: Channel; payload: ChannelInputs[Channel]; retain: boolean }
  /** Clean power-off: the shutdown status was just published, then DISCONNECT (no Last Will). */
  | { kind: 'disconnect'; at: number; terminalId: string }
  /** The link dies without DISCONNECT: the broker publishes the registered Last Will. */
  | { kind: 'drop'; at: number; terminalId: string; will: StatusInput };

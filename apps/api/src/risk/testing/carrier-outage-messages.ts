import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import type { Channel } from '@fleet/telemetry/protocol/topics';
import { validPayload } from '../../ingest/testing/terminal-messages';

const MIN = 60_000;

/**
 * What a carrier outage looks like from its terminals: each heard from until 10 minutes
 * before `base` on carrier `mccMnc`, then its Last Will (`lost`). Enough terminals of one
 * carrier make the risk engine open one incident.
 */
export function carrierOutageMessages(
  terminalIds: readonly string[],
  base: number,
  mccMnc = '46099',
): Array<[string, Channel, ChannelInputs[Channel]]> {
  return terminalIds.flatMap((tid): Array<[string, Channel, ChannelInputs[Channel]]> => [
    ...Array.from({ length: 3 }, (_, i): [string, Channel, ChannelInputs[Channel]] => [
      tid,
      'heartbeat',
      validPayload('heartbeat', base - (12 - i) * MIN, i),
    ]),
    [tid, 'signal', validPayload('signal', base - 12 * MIN, 0, { mccMnc })],
    [tid, 'status', validPayload('status', base - 60 * MIN, 0, { online: false, reason: 'lost' })],
  ]);
}

import type { ChannelPayloads, MessageOf } from '@fleet/telemetry/protocol/messages';
import type { Channel } from '@fleet/telemetry/protocol/topics';

/** Test data: a valid message of any channel, with overrides. Times are epoch ms. */

const DEFAULT_PAYLOADS: { [C in Channel]: Omit<ChannelPayloads[C], 'ts' | 'seq'> } = {
  heartbeat: { intervalS: 60, uptimeS: 3600, comm: '4g', power: 'mains' },
  signal: { comm: '4g', rsrpDbm: -95, rsrqDb: -11, sinrDb: 8, rssiDbm: -70, mccMnc: '46000', cellId: 'c1' },
  sim: {
    iccid: '8986001234567890123',
    dataBalanceMb: 500,
    expiresAt: '2027-01-31',
    carrier: 'CMCC',
    dataPlanMb: 1024,
  },
  paper: { status: 'ok' },
  txn: {
    windowS: 900,
    approved: 10,
    declined: 1,
    timeouts: 0,
    reversals: 0,
    reversalFailed: 0,
    commErrors: 0,
  },
  event: { code: 'REBOOT' },
  status: { online: true },
};

export interface MessageOverrides<C extends Channel> {
  terminalId?: string;
  ts?: number;
  seq?: number;
  /** Defaults to ts + 1 s. */
  receivedAt?: number;
  payload?: Partial<Omit<ChannelPayloads[C], 'ts' | 'seq'>>;
}

export function makeMessage<C extends Channel>(
  channel: C,
  overrides: MessageOverrides<C> = {},
): MessageOf<C> {
  const ts = overrides.ts ?? Date.now() - 60_000;
  const seq = overrides.seq ?? 0;
  return {
    terminalId: overrides.terminalId ?? 'T-0001',
    channel,
    ts,
    seq,
    receivedAt: overrides.receivedAt ?? ts + 1000,
    payload: { ...DEFAULT_PAYLOADS[channel], ...overrides.payload, ts, seq },
  } as unknown as MessageOf<C>;
}

import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import type { Channel } from '@fleet/telemetry/protocol/topics';

/** A valid protocol v1 payload for each channel, with overrides. `ts` in epoch ms. */
export function validPayload<C extends Channel>(
  channel: C,
  ts: number,
  seq: number,
  overrides: Partial<ChannelInputs[C]> = {},
): ChannelInputs[C] {
  const base: { [K in Channel]: ChannelInputs[K] } = {
    heartbeat: {
      ts,
      seq,
      intervalS: 60,
      uptimeS: 3600,
      comm: '4g',
      power: 'mains',
      fw: '1.2.3',
      model: 'A920',
    },
    signal: { ts, seq, comm: '4g', rsrpDbm: -95, rsrqDb: -11, sinrDb: 7, mccMnc: '46000', cellId: 'c1' },
    sim: {
      ts,
      seq,
      iccid: '89860012345678901234',
      dataBalanceMb: 120.5,
      expiresAt: '2027-01-01',
      carrier: 'CMCC',
    },
    paper: { ts, seq, status: 'ok' },
    txn: {
      ts,
      seq,
      windowS: 900,
      approved: 12,
      declined: 1,
      timeouts: 0,
      reversals: 0,
      reversalFailed: 0,
      commErrors: 0,
    },
    event: { ts, seq, code: 'SIGN_IN_FAIL', detail: 'host said no' },
    status: { ts, seq, online: true },
  };
  return { ...base[channel], ...overrides };
}

export function validJson<C extends Channel>(
  channel: C,
  ts: number,
  seq: number,
  overrides?: Partial<ChannelInputs[C]>,
): string {
  return JSON.stringify(validPayload(channel, ts, seq, overrides));
}

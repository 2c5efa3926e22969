import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import type { Channel } from '@fleet/telemetry/protocol/topics';
import { validPayload } from '../../../apps/api/src/ingest/testing/terminal-messages';
import { carrierOutageMessages } from '../../../apps/api/src/risk/testing/carrier-outage-messages';

/** One message as a terminal would publish it. */
export type ScenarioMessage = [terminalId: string, channel: Channel, payload: ChannelInputs[Channel]];

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface Scenario {
  /** The import: every terminal of the scenario, in one region. */
  terminals: Array<Record<string, unknown>>;
  messages: ScenarioMessage[];
}

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

function alive(tid: string, base: number): ScenarioMessage[] {
  return [
    [tid, 'heartbeat', validPayload('heartbeat', base - 2 * MIN, 0)],
    [tid, 'heartbeat', validPayload('heartbeat', base - MIN, 1)],
    [tid, 'signal', validPayload('signal', base - 2 * MIN, 0)],
  ];
}

function simRunningOut(tid: string, base: number): ScenarioMessage[] {
  return Array.from({ length: 25 }, (_, i): ScenarioMessage => [
    tid,
    'sim',
    validPayload('sim', base - (24 - i) * 2 * HOUR, i, {
      dataBalanceMb: 160 - i * 5,
      expiresAt: '2027-12-31',
      carrier: 'CMCC',
    }),
  ]);
}

/**
 * A fleet in trouble, as of `base`: `prefix`-OUT terminals of one carrier all dropped an
 * hour ago (one CARRIER_OUTAGE), -PAP ones out of paper, -SIM ones running out of data,
 * -OK ones healthy. `prefix` keeps two runs apart.
 */
export function troubledFleet(
  prefix: string,
  base: number,
  size = { outage: 30, paper: 6, sim: 4, ok: 10 },
): Scenario {
  const outage = ids(`${prefix}-OUT`, size.outage);
  const paper = ids(`${prefix}-PAP`, size.paper);
  const sim = ids(`${prefix}-SIM`, size.sim);
  const ok = ids(`${prefix}-OK`, size.ok);
  const terminals = [...outage, ...paper, ...sim, ...ok].map((terminalId, i) => ({
    terminalId,
    merchantId: `M-${terminalId}`,
    merchantName: `Shop ${i}`,
    region: 'Beijing',
    lat: 39.9 + i / 1000,
    lon: 116.4,
  }));
  const messages: ScenarioMessage[] = [
    ...carrierOutageMessages(outage, base),
    ...paper.flatMap((tid) => [
      ...alive(tid, base),
      [tid, 'paper', validPayload('paper', base - MIN, 0, { status: 'out' })] as ScenarioMessage,
    ]),
    ...sim.flatMap((tid) => [...alive(tid, base), ...simRunningOut(tid, base)]),
    ...ok.flatMap((tid) => alive(tid, base)),
  ];
  return { terminals, messages };
}

/** Terminals that run out of paper after `base`: new trouble for whoever judges now. */
export function paperRunningOut(prefix: string, base: number, count: number): Scenario {
  const paper = ids(`${prefix}-LATE`, count);
  return {
    terminals: paper.map((terminalId, i) => ({
      terminalId,
      merchantId: `M-${terminalId}`,
      merchantName: `Late shop ${i}`,
      region: 'Beijing',
      lat: 40 + i / 1000,
      lon: 116.5,
    })),
    messages: paper.flatMap((tid) => [
      ...alive(tid, base),
      [tid, 'paper', validPayload('paper', base, 0, { status: 'out' })] as ScenarioMessage,
    ]),
  };
}

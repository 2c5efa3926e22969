import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import type { TerminalModel } from '../model/terminal-model';
import type { TerminalEvent, TxnCounts } from '../model/readings';

/** Channel bodies without the envelope (ts, seq), built from the model at time t. */
type Body<C extends keyof ChannelInputs> = Omit<ChannelInputs[C], 'ts' | 'seq'>;

export function heartbeatBody(model: TerminalModel, t: number, uptimeS: number): Body<'heartbeat'> {
  const p = model.profile;
  const power = model.powerAt(t);
  return {
    intervalS: p.heartbeatIntervalS,
    uptimeS: Math.max(0, Math.floor(uptimeS)),
    comm: p.comm,
    power: power.power,
    ...(power.batteryPct !== undefined ? { batteryPct: power.batteryPct } : {}),
    fw: p.fw,
    model: p.model,
  };
}

export function signalBody(model: TerminalModel, t: number): Body<'signal'> {
  return model.signalAt(t);
}

export function simBody(model: TerminalModel, t: number): Body<'sim'> | undefined {
  const sim = model.profile.sim;
  const reading = model.simAt(t);
  if (!sim || !reading) return undefined;
  return {
    iccid: sim.iccid,
    dataBalanceMb: reading.dataBalanceMb,
    expiresAt: new Date(reading.expiresAt).toISOString().slice(0, 10),
    carrier: sim.carrier,
    mccMnc: sim.mccMnc,
    dataPlanMb: sim.planMb,
  };
}

export function paperBody(model: TerminalModel, t: number): Body<'paper'> {
  return { status: model.paperAt(t) };
}

export function txnBody(counts: TxnCounts, windowS: number): Body<'txn'> {
  return { windowS, ...counts };
}

export function eventBody(event: TerminalEvent): Body<'event'> {
  return event.detail ? { code: event.code, detail: event.detail } : { code: event.code };
}

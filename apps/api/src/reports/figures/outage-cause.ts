import type { LossCause } from '@fleet/telemetry/api/reports';
import type { CauseCode } from '@fleet/telemetry/causes';

export type LossKind = 'device' | 'incident' | 'shutdown';

export interface OutageCause {
  cause: LossCause;
  kind: LossKind;
  incidentId?: string;
}

/** Device causes that take a terminal off line, most specific first. */
const DEVICE_CAUSES: readonly CauseCode[] = [
  'SIM_DATA_EXHAUSTION',
  'SIM_EXPIRY',
  'LINE_FAULT',
  'WEAK_SIGNAL',
  'COMM_MODULE_FAULT',
  'POWER',
];

export interface CauseWindow {
  code: CauseCode;
  from: number;
  /** Null while still live. */
  to: number | null;
  incidentId?: string;
}

const liveAt = (w: CauseWindow, at: number) => w.from <= at && (w.to === null || w.to > at);

/**
 * Why an outage happened: a clean shutdown is the shop's doing; an incident that held the
 * terminal when it went down is the carrier's or the host's, not the device's; otherwise
 * the device cause alerted at that moment, or a plain OFFLINE when nothing explains it.
 */
export function outageCause(
  outage: { startedAt: number; reason: 'lost' | 'shutdown' },
  alerts: readonly CauseWindow[],
  incidents: readonly CauseWindow[],
): OutageCause {
  if (outage.reason === 'shutdown') return { cause: 'SHUTDOWN', kind: 'shutdown' };
  const incident = incidents.find((w) => liveAt(w, outage.startedAt));
  if (incident) return { cause: incident.code, kind: 'incident', incidentId: incident.incidentId };
  const live = alerts.filter((w) => liveAt(w, outage.startedAt)).map((w) => w.code);
  const device = DEVICE_CAUSES.find((code) => live.includes(code));
  return { cause: device ?? 'OFFLINE', kind: 'device' };
}

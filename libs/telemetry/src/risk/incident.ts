/** An area-wide problem: many terminals failing together, not one device. */
export interface Incident {
  /** Deterministic: code, key and start minute, so repeated sweeps find the same id. */
  id: string;
  code: 'CARRIER_OUTAGE' | 'HOST_MAINTENANCE';
  key: { mccMnc?: string; carrier?: string; region?: string };
  startedAt: number;
  /** Set by whoever tracks incidents over time, once no sweep finds it any more. */
  endedAt?: number;
  memberIds: string[];
}

export function incidentId(code: Incident['code'], key: Incident['key'], startedAt: number): string {
  const minute = new Date(Math.floor(startedAt / 60_000) * 60_000).toISOString().slice(0, 16);
  return `${code}:${key.mccMnc ?? key.carrier ?? '*'}:${key.region ?? '*'}:${minute}Z`;
}

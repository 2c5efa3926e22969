/** Consistent LTE and GSM readings from one level, so the fields agree with each other. */

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** `jitter` in [0, 1) spreads rsrq and sinr a little around what the level implies. */
export function lteFields(rsrpDbm: number, jitter: number): { rsrpDbm: number; rsrqDb: number; sinrDb: number; rssiDbm: number } {
  const rsrp = Math.round(clamp(rsrpDbm, -156, -31));
  return {
    rsrpDbm: rsrp,
    rsrqDb: Math.round(clamp(-7 + (rsrp + 90) * 0.2 + (jitter - 0.5) * 3, -25, -3)),
    sinrDb: Math.round(clamp((rsrp + 108) * 0.7 + (jitter - 0.5) * 4, -15, 30)),
    // Wideband RSSI sits about 25–30 dB above RSRP on a 20 MHz carrier.
    rssiDbm: Math.round(clamp(rsrp + 27, -140, -20)),
  };
}

/** GSM: dBm = −113 + 2·csq; 99 means the modem could not tell. */
export function gsmFields(csq: number): { csq: number; rssiDbm?: number } {
  if (csq === 99) return { csq };
  const level = Math.round(clamp(csq, 0, 31));
  return { csq: level, rssiDbm: -113 + 2 * level };
}

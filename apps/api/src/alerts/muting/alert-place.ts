import type { CauseCode } from '@fleet/telemetry/causes';
import type { AlertRow } from '../alerts.repository';

/** What silences and maintenance windows match an alert on. */
export interface AlertPlace {
  code: CauseCode;
  terminalId?: string;
  region?: string;
  /** The incident's carrier, or the terminal's from its latest signal report. */
  mccMnc?: string;
  merchantId?: string;
}

/** True when every matcher given equals the place's value; a place without the field fails it. */
export function matchesAll(matchers: Partial<Record<keyof AlertPlace, string>>, place: AlertPlace): boolean {
  return (Object.entries(matchers) as Array<[keyof AlertPlace, string | undefined]>).every(
    ([field, wanted]) => wanted === undefined || place[field] === wanted,
  );
}

/** The place of a stored alert: a terminal's from its terminal, an incident's from the incident. */
export function alertPlace(row: AlertRow): AlertPlace {
  const region = row.terminal_id !== null ? row.terminal_region : row.incident_region;
  const mccMnc = row.incident_mcc_mnc ?? row.terminal_mcc_mnc;
  return {
    code: row.code,
    ...(row.terminal_id === null ? {} : { terminalId: row.terminal_id }),
    ...(region === null ? {} : { region }),
    ...(mccMnc === null ? {} : { mccMnc }),
    ...(row.merchant_id === null ? {} : { merchantId: row.merchant_id }),
  };
}

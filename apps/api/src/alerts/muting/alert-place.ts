import type { CauseCode } from '@fleet/telemetry/causes';

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

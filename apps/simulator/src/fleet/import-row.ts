import type { CommType } from '@fleet/telemetry/protocol/messages';
import { hashString } from '../random';
import type { TerminalProfile } from './terminal-profile';

/** One row of POST /api/v1/terminals/import (shared/PROTOCOL.md §2). */
export interface ImportRow {
  terminalId: string;
  merchantId: string;
  merchantName: string;
  region: string;
  lat: number;
  lon: number;
  model: string;
  comm: CommType;
  accountManager: string;
  merchantPhone: string;
  /** An addition of this platform to the import: where the technician drives to. */
  address: string;
}

export function toImportRow(p: TerminalProfile): ImportRow {
  return {
    terminalId: p.terminalId,
    merchantId: p.merchantId,
    merchantName: p.merchantName,
    region: p.region,
    lat: p.lat,
    lon: p.lon,
    model: p.model,
    comm: p.comm,
    accountManager: p.accountManager,
    merchantPhone: phoneFor(p.merchantId),
    address: addressFor(p.merchantId, p.region),
  };
}

/** A mainland mobile number derived from the merchant id, so fleets stay reproducible. */
export function phoneFor(merchantId: string): string {
  const digits = String(hashString(merchantId) % 1_000_000_000).padStart(9, '0');
  return `+86 13${digits.slice(0, 1)} ${digits.slice(1, 5)} ${digits.slice(5)}`;
}

const STREETS = [
  'Jianguo Road',
  'Renmin Road',
  'Zhongshan Road',
  'Jiefang Road',
  'Heping Street',
  'Xinhua Road',
];

/** A street address derived from the merchant id, in the terminal's city. */
export function addressFor(merchantId: string, region: string): string {
  const h = hashString(`${merchantId}/address`);
  return `${(h % 899) + 1} ${STREETS[h % STREETS.length]}, ${region}`;
}

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
  };
}

/** A mainland mobile number derived from the merchant id, so fleets stay reproducible. */
export function phoneFor(merchantId: string): string {
  const digits = String(hashString(merchantId) % 1_000_000_000).padStart(9, '0');
  return `+86 13${digits.slice(0, 1)} ${digits.slice(1, 5)} ${digits.slice(5)}`;
}

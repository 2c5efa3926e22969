import type { CommType } from '@fleet/telemetry/protocol/messages';
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
  };
}

/** One row of POST /terminals/import (shared/PROTOCOL.md §2). */
export interface TerminalImportRow {
  terminalId: string;
  merchantId: string;
  merchantName: string;
  region: string;
  lat: number;
  lon: number;
  model?: string;
  comm?: string;
  accountManager?: string;
  merchantPhone?: string;
  /** The shop's street address, for the technician's navigation link (an addition to the import). */
  address?: string;
  /** Opening hours in Asia/Shanghai (an addition to PROTOCOL.md's import). */
  shopHours?: { open: string; close: string };
}

/** One row per terminal id, the last one given winning (an upsert cannot touch a row twice). */
export function dedupeImportRows(rows: readonly TerminalImportRow[]): TerminalImportRow[] {
  return [...new Map(rows.map((row) => [row.terminalId, row])).values()];
}

import type { FleetMapView } from '@fleet/telemetry/api/fleet';

export interface MapFilters {
  region: string;
  mccMnc: string;
  merchantId: string;
  cause: string;
  /** Minimum risk score; 0 keeps every terminal. */
  minRisk: number;
}

export const NO_FILTERS: MapFilters = { region: '', mccMnc: '', merchantId: '', cause: '', minRisk: 0 };

/** Indices of the terminals that pass every filter; empty text means "any". */
export function filterMapPoints(view: FleetMapView, filters: MapFilters): Uint32Array {
  const out = new Uint32Array(view.ids.length);
  let n = 0;
  const merchant = filters.merchantId.trim().toLowerCase();
  for (let i = 0; i < view.ids.length; i++) {
    if (filters.region && view.region[i] !== filters.region) continue;
    if (filters.mccMnc && view.mccMnc[i] !== filters.mccMnc) continue;
    if (filters.cause && view.topCause[i] !== filters.cause) continue;
    if (view.riskScore[i]! < filters.minRisk) continue;
    if (merchant && !view.merchantId[i]!.toLowerCase().includes(merchant)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Distinct non-empty values of one column, sorted, for the filter menus. */
export function distinctValues(column: readonly string[]): string[] {
  return [...new Set(column.filter((value) => value !== ''))].sort();
}

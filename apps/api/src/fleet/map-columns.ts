import { Dictionary, toCoordinate5, type FleetMapPayload } from '@fleet/telemetry/api/fleet-map-codec';
import type { Scope, ScopedPlace } from '../auth/scope/scope';
import type { MapRow } from '../storage/repositories/fleet.repository';

const onlineCode = (online: boolean | null) => (online === null ? 2 : online ? 1 : 0);

/** Columns with no terminal yet, coding strings with the given dictionaries' values. */
function emptyColumns(values: { topCause: string[]; region: string[]; mccMnc: string[] }): FleetMapPayload {
  return {
    ids: [],
    lat5: [],
    lon5: [],
    online: [],
    riskScore: [],
    topCause: { values: values.topCause, index: [] },
    region: { values: values.region, index: [] },
    mccMnc: { values: values.mccMnc, index: [] },
    merchantId: [],
  };
}

/**
 * The map's terminals held in the wire format's own columns (FleetMapPayload), patched in
 * place by id: the whole fleet's answer is these arrays as they are, with no per-row work.
 * A terminal that loses its location stays, marked hidden.
 */
export class MapColumns {
  private readonly positions = new Map<string, number>();
  private readonly located: boolean[] = [];
  private hidden = 0;
  private readonly dictionaries = {
    topCause: new Dictionary(),
    region: new Dictionary(),
    mccMnc: new Dictionary(),
  };
  private readonly columns = emptyColumns({
    topCause: this.dictionaries.topCause.values,
    region: this.dictionaries.region.values,
    mccMnc: this.dictionaries.mccMnc.values,
  });

  static from(rows: readonly MapRow[]): MapColumns {
    const columns = new MapColumns();
    for (const row of rows) columns.upsert(row);
    return columns;
  }

  /** Adds or updates one terminal; true when anything the map shows changed. */
  upsert(row: MapRow): boolean {
    const located = row.lat !== null && row.lon !== null;
    const c = this.columns;
    const d = this.dictionaries;
    const next = {
      lat5: toCoordinate5(row.lat ?? 0),
      lon5: toCoordinate5(row.lon ?? 0),
      online: onlineCode(row.online),
      riskScore: row.risk_score ?? 0,
      topCause: d.topCause.code(row.top_cause ?? ''),
      region: d.region.code(row.region ?? ''),
      mccMnc: d.mccMnc.code(row.mcc_mnc ?? ''),
      merchantId: row.merchant_id ?? '',
    };
    let i = this.positions.get(row.terminal_id);
    if (i === undefined) {
      if (!located) return false;
      i = c.ids.length;
      c.ids.push(row.terminal_id);
      this.positions.set(row.terminal_id, i);
      this.located.push(true);
    } else if (
      this.located[i] === located &&
      c.lat5[i] === next.lat5 &&
      c.lon5[i] === next.lon5 &&
      c.online[i] === next.online &&
      c.riskScore[i] === next.riskScore &&
      c.topCause.index[i] === next.topCause &&
      c.region.index[i] === next.region &&
      c.mccMnc.index[i] === next.mccMnc &&
      c.merchantId[i] === next.merchantId
    ) {
      return false;
    } else if (this.located[i] !== located) {
      this.hidden += located ? -1 : 1;
      this.located[i] = located;
    }
    c.lat5[i] = next.lat5;
    c.lon5[i] = next.lon5;
    c.online[i] = next.online;
    c.riskScore[i] = next.riskScore;
    c.topCause.index[i] = next.topCause;
    c.region.index[i] = next.region;
    c.mccMnc.index[i] = next.mccMnc;
    c.merchantId[i] = next.merchantId;
    return true;
  }

  /** The answer for a scope: the columns themselves for the whole fleet, else the visible rows. */
  payload(scope: Scope, allows: (scope: Scope, place: ScopedPlace) => boolean): FleetMapPayload {
    const c = this.columns;
    if (scope.kind === 'all' && this.hidden === 0) return c;
    const out = emptyColumns({
      topCause: c.topCause.values,
      region: c.region.values,
      mccMnc: c.mccMnc.values,
    });
    for (let i = 0; i < c.ids.length; i++) {
      if (!this.located[i]) continue;
      const region = c.region.values[c.region.index[i]!] || null;
      const merchantId = c.merchantId[i] || null;
      if (scope.kind !== 'all' && !allows(scope, { region, merchantId })) continue;
      out.ids.push(c.ids[i]!);
      out.lat5.push(c.lat5[i]!);
      out.lon5.push(c.lon5[i]!);
      out.online.push(c.online[i]!);
      out.riskScore.push(c.riskScore[i]!);
      out.topCause.index.push(c.topCause.index[i]!);
      out.region.index.push(c.region.index[i]!);
      out.mccMnc.index.push(c.mccMnc.index[i]!);
      out.merchantId.push(c.merchantId[i]!);
    }
    return out;
  }
}

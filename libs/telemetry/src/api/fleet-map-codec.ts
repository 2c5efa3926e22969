import type { FleetMapView } from './fleet';

/**
 * `GET /fleet/map` on the wire: the columns of FleetMapView in a form about half the size
 * that parses several times faster. A 100k fleet is the map's first paint budget, and
 * most of that budget went on writing, compressing and reading 8.7 MB of JSON.
 * - coordinates are integers in 1e-5 degree (about a metre: plenty for a map, and
 *   integers are cheaper to print and parse than 17-digit floats);
 * - the low-cardinality string columns are a dictionary of their distinct values plus one
 *   index per terminal (a few dozen regions, a handful of carriers and causes for 100k
 *   terminals); ids and merchant ids, nearly one per terminal, stay plain.
 */
export interface FleetMapPayload {
  ids: string[];
  lat5: number[];
  lon5: number[];
  /** 0 offline, 1 online, 2 unknown (never reported status). */
  online: number[];
  riskScore: number[];
  topCause: DictionaryColumn;
  region: DictionaryColumn;
  mccMnc: DictionaryColumn;
  merchantId: string[];
}

export interface DictionaryColumn {
  values: string[];
  index: number[];
}

const COORDINATE_SCALE = 1e5;

export const FLEET_MAP_DICTIONARY_COLUMNS = ['topCause', 'region', 'mccMnc'] as const;
export const FLEET_MAP_NUMBER_COLUMNS = ['lat5', 'lon5', 'online', 'riskScore'] as const;

/** Codes strings as positions in a growing list of distinct values. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly positions = new Map<string, number>();

  code(value: string): number {
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(value, position);
    }
    return position;
  }
}

export function toCoordinate5(degrees: number): number {
  return Math.round(degrees * COORDINATE_SCALE);
}

/** The wire form of a view (the server keeps its map in this form; tests and tools use this). */
export function encodeFleetMap(view: FleetMapView): FleetMapPayload {
  const coded = (column: readonly string[]): DictionaryColumn => {
    const dictionary = new Dictionary();
    const index = column.map((value) => dictionary.code(value));
    return { values: dictionary.values, index };
  };
  return {
    ids: [...view.ids],
    lat5: view.lat.map(toCoordinate5),
    lon5: view.lon.map(toCoordinate5),
    online: [...view.online],
    riskScore: [...view.riskScore],
    topCause: coded(view.topCause),
    region: coded(view.region),
    mccMnc: coded(view.mccMnc),
    merchantId: [...view.merchantId],
  };
}

function expand({ values, index }: DictionaryColumn): string[] {
  const out = new Array<string>(index.length);
  for (let i = 0; i < index.length; i++) out[i] = values[index[i]!] ?? '';
  return out;
}

function unscale(column: readonly number[]): number[] {
  const out = new Array<number>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column[i]! / COORDINATE_SCALE;
  return out;
}

/** The view the dashboard works with; expects a payload whose shape was checked. */
export function decodeFleetMap(payload: FleetMapPayload): FleetMapView {
  return {
    ids: payload.ids,
    lat: unscale(payload.lat5),
    lon: unscale(payload.lon5),
    online: payload.online,
    riskScore: payload.riskScore,
    topCause: expand(payload.topCause),
    region: expand(payload.region),
    mccMnc: expand(payload.mccMnc),
    merchantId: payload.merchantId,
  };
}

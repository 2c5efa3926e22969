import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import type { TerminalChange } from '@fleet/telemetry/live/events';

// Keyed by the ids column, which patches keep, so the lookup is built once per fetched map.
const positions = new WeakMap<readonly string[], Map<string, number>>();

function positionsOf(ids: readonly string[]): Map<string, number> {
  let byId = positions.get(ids);
  if (!byId) {
    byId = new Map(ids.map((id, i) => [id, i]));
    positions.set(ids, byId);
  }
  return byId;
}

const ONLINE_CODE = (online: boolean | null) => (online === null ? 2 : online ? 1 : 0);

/**
 * The map after a `terminals.changed` batch: copies only the columns that change, so the
 * map redraws while 100k unchanged coordinates are shared. Unknown ids wait for the next fetch.
 */
export function patchFleetMap(view: FleetMapView, changes: readonly TerminalChange[]): FleetMapView {
  const byId = positionsOf(view.ids);
  const online = view.online.slice();
  const riskScore = view.riskScore.slice();
  const topCause = view.topCause.slice();
  let touched = false;
  for (const change of changes) {
    const i = byId.get(change.terminalId);
    if (i === undefined) continue;
    online[i] = ONLINE_CODE(change.online);
    riskScore[i] = change.riskScore;
    topCause[i] = change.topCause;
    touched = true;
  }
  return touched ? { ...view, online, riskScore, topCause } : view;
}

import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import type { TerminalChange } from '@fleet/telemetry/live/events';
import { indexById } from '../lib/index-by-id';

const ONLINE_CODE = (online: boolean | null) => (online === null ? 2 : online ? 1 : 0);

/**
 * The map after a `terminals.changed` batch: copies only the columns that change, so the
 * map redraws while 100k unchanged coordinates are shared. Unknown ids wait for the next fetch.
 */
export function patchFleetMap(view: FleetMapView, changes: readonly TerminalChange[]): FleetMapView {
  const byId = indexById(view.ids);
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

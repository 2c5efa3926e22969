import type { QueryClient } from '@tanstack/react-query';
import type { AlertsResponse, AlertView } from '@fleet/telemetry/api/alerts';
import { alertQueryKey } from './get-alert';
import { alertListsQueryKey, type AlertStateFilter } from './get-alerts';

const newestFirst = (a: AlertView, b: AlertView) =>
  b.lastRaisedAt.localeCompare(a.lastRaisedAt) || a.id.localeCompare(b.id);

/**
 * One list after a change to `alert`: replaced in place, added when it now matches the
 * list's state, dropped when it no longer does. Order is the API's: last raised first.
 */
export function applyAlertChange(
  items: readonly AlertView[],
  alert: AlertView,
  state: AlertStateFilter,
): AlertView[] {
  const others = items.filter((item) => item.id !== alert.id);
  if (state !== 'all' && alert.state !== state) return others;
  return [...others, alert].sort(newestFirst);
}

/**
 * Puts a changed alert into every cached list (each list key ends in its state filter) and
 * marks its detail stale, so the timeline is read again with the new entry.
 */
export function storeAlertChange(client: QueryClient, alert: AlertView): void {
  for (const [key, data] of client.getQueriesData<AlertsResponse>({ queryKey: alertListsQueryKey })) {
    if (!data) continue;
    const state = key[alertListsQueryKey.length] as AlertStateFilter;
    client.setQueryData<AlertsResponse>(key, { items: applyAlertChange(data.items, alert, state) });
  }
  void client.invalidateQueries({ queryKey: alertQueryKey(alert.id) });
}

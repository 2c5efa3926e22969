import type { AlertSeverity, AlertView } from '@fleet/telemetry/api/alerts';
import type { CauseCode } from '@fleet/telemetry/causes';

/** What the page narrows the loaded list to; the state filter is the API's (`?state=`). */
export interface AlertFilter {
  code?: CauseCode;
  severity?: AlertSeverity;
  /** Part of a terminal id, any case. */
  terminal: string;
}

export const NO_FILTER: AlertFilter = { terminal: '' };

export function filterAlerts(items: readonly AlertView[], filter: AlertFilter): AlertView[] {
  const needle = filter.terminal.trim().toLowerCase();
  return items.filter(
    (alert) =>
      (!filter.code || alert.code === filter.code) &&
      (!filter.severity || alert.severity === filter.severity) &&
      (needle === '' || (alert.terminalId ?? '').toLowerCase().includes(needle)),
  );
}

/** The selected ids that can still be acknowledged: shown and open. */
export function acknowledgeable(shown: readonly AlertView[], selected: ReadonlySet<string>): string[] {
  return shown.filter((alert) => alert.state === 'open' && selected.has(alert.id)).map((a) => a.id);
}

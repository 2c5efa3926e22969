import type { MaintenanceSchedule, MaintenanceScope, SilenceMatchers } from '@fleet/telemetry/api/muting';
import { matchesAll, type AlertPlace } from './alert-place';
import { inSchedule } from './maintenance-schedule';

export interface Silence {
  id: string;
  matchers: SilenceMatchers;
  startsAt: number;
  endsAt: number;
}

export interface MaintenanceWindow {
  id: string;
  scope: MaintenanceScope;
  schedule: MaintenanceSchedule;
}

/** Why an alert is held back from notifications now; empty when it is not. */
export interface Muting {
  silenceId?: string;
  maintenanceWindowId?: string;
}

export function silenceActive(silence: Pick<Silence, 'startsAt' | 'endsAt'>, at: number): boolean {
  return at >= silence.startsAt && at < silence.endsAt;
}

/** The first active silence and the first window in effect that hold `place`. */
export function mutingOf(
  place: AlertPlace,
  silences: readonly Silence[],
  windows: readonly MaintenanceWindow[],
  at: number,
): Muting {
  const silence = silences.find((s) => silenceActive(s, at) && matchesAll(s.matchers, place));
  const window = windows.find((w) => inSchedule(w.schedule, at) && matchesAll(w.scope, place));
  return {
    ...(silence === undefined ? {} : { silenceId: silence.id }),
    ...(window === undefined ? {} : { maintenanceWindowId: window.id }),
  };
}

import type { MaintenanceWindowView, SilenceView } from '@fleet/telemetry/api/muting';
import { currentOrNextOccurrence } from './maintenance-schedule';
import type { MaintenanceWindowRow, SilenceRow } from './muting.repository';

const iso = (d: Date) => new Date(d).toISOString();

export function silenceView(row: SilenceRow, at: number): SilenceView {
  const startsAt = new Date(row.starts_at).getTime();
  const endsAt = new Date(row.ends_at).getTime();
  return {
    id: row.id,
    matchers: row.matchers,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    state: at < startsAt ? 'pending' : at < endsAt ? 'active' : 'expired',
  };
}

export function maintenanceWindowView(row: MaintenanceWindowRow, at: number): MaintenanceWindowView {
  const occurrence = currentOrNextOccurrence(row.schedule, at);
  return {
    id: row.id,
    scope: row.scope,
    schedule: row.schedule,
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    activeNow: occurrence !== undefined && at >= occurrence.startsAt,
    nextOccurrence:
      occurrence === undefined
        ? null
        : { startsAt: iso(new Date(occurrence.startsAt)), endsAt: iso(new Date(occurrence.endsAt)) },
  };
}

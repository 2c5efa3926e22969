import type { AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import type { RoutingRuleRow } from './routing-rules.repository';

const iso = (d: Date) => new Date(d).toISOString();

/** A stored rule as the API answers it. */
export function alertRuleView(row: RoutingRuleRow): AlertRuleView {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    position: row.position,
    match: row.match,
    targets: row.targets,
    channels: row.channels,
    stopAfterMatch: row.stop_after_match,
    builtIn: row.built_in,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
  };
}

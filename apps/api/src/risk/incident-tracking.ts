import type { Incident } from '@fleet/telemetry/risk/incident';
import { trackIncidents, type IncidentChanges, type OpenIncident } from '../incidents/incident-tracker';
import type { IncidentsRepository } from '../incidents/incidents.repository';

const NO_CHANGES: IncidentChanges = { current: [], upserts: [], ended: [] };

/**
 * Keeps detected incidents under the ids they are stored under: a sweep's detections are
 * matched to the open ones, and what started, grew or ended is what the writer saves.
 */
export class IncidentTracking {
  private open: OpenIncident[] = [];
  private last: IncidentChanges = NO_CHANGES;

  constructor(private readonly repository: IncidentsRepository) {}

  async load(): Promise<void> {
    this.open = await this.repository.open();
  }

  /** For FleetRisk's sweep: renames detections to the stored ids and remembers the changes. */
  stabilize = (detected: Incident[]): Incident[] => {
    this.last = trackIncidents(this.open, detected);
    this.open = this.last.current.map((i) => ({ id: i.id, code: i.code, ...i.key, memberIds: i.memberIds }));
    return this.last.current;
  };

  /** The changes of the last sweep, once: the writer saves each only once. */
  takeChanges(): IncidentChanges {
    const changes = this.last;
    this.last = NO_CHANGES;
    return changes;
  }
}

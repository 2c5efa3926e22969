import type { Incident } from '@fleet/telemetry/risk/incident';
import type { IncidentsRepository } from '../incidents/incidents.repository';
import type { RiskRepository, RiskUpdate } from './risk.repository';

/**
 * Writes risk results to the database one batch at a time, never blocking the engine:
 * updates queued while a write runs are merged (newest per terminal wins) into the next
 * one, and a failed write is put back to be retried with the next.
 */
export class RiskWriter {
  private scores = new Map<string, RiskUpdate>();
  private incidentUpserts = new Map<string, Incident>();
  private incidentEnds = new Map<string, number>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly risk: RiskRepository,
    private readonly incidents: IncidentsRepository,
    private readonly onError: (error: unknown) => void,
  ) {}

  queueScores(updates: readonly RiskUpdate[]): void {
    for (const u of updates) this.scores.set(u.terminalId, u);
    this.kick();
  }

  queueIncidents(upserts: readonly Incident[], ended: readonly string[], at: number): void {
    for (const i of upserts) {
      this.incidentEnds.delete(i.id);
      this.incidentUpserts.set(i.id, i);
    }
    for (const id of ended) {
      this.incidentUpserts.delete(id);
      this.incidentEnds.set(id, at);
    }
    this.kick();
  }

  /** Forgets queued scores of terminals this process no longer holds. */
  dropScores(shouldDrop: (terminalId: string) => boolean): void {
    for (const id of this.scores.keys()) if (shouldDrop(id)) this.scores.delete(id);
  }

  /** Resolves once everything queued so far is written (or has failed and been re-queued). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Starts a write of whatever is queued (also retries after a failure). */
  kick(): void {
    if (this.running !== undefined) return;
    this.running = this.drain().then((ok) => {
      this.running = undefined;
      // Work queued while the last drain was finishing; after a failure, wait for the next kick.
      if (ok && this.pending()) this.kick();
    });
  }

  private pending(): boolean {
    return this.scores.size > 0 || this.incidentUpserts.size > 0 || this.incidentEnds.size > 0;
  }

  private async drain(): Promise<boolean> {
    while (this.pending()) {
      const scores = this.scores;
      const upserts = this.incidentUpserts;
      const ends = this.incidentEnds;
      this.scores = new Map();
      this.incidentUpserts = new Map();
      this.incidentEnds = new Map();
      try {
        // Incidents first: scores of their members name them.
        for (const incident of upserts.values()) await this.incidents.upsert(incident);
        for (const [id, at] of ends) await this.incidents.end([id], new Date(at));
        await this.risk.saveRisk([...scores.values()], new Date());
      } catch (error) {
        this.onError(error);
        for (const [id, u] of scores) if (!this.scores.has(id)) this.scores.set(id, u);
        for (const [id, i] of upserts)
          if (!this.incidentUpserts.has(id) && !this.incidentEnds.has(id)) this.incidentUpserts.set(id, i);
        for (const [id, at] of ends) if (!this.incidentUpserts.has(id)) this.incidentEnds.set(id, at);
        return false;
      }
    }
    return true;
  }
}

import type { FleetRisk } from './fleet-risk';
import type { RiskRepository } from './risk.repository';

/** Brings imports made while running (region, registered) into the engine, before each sweep. */
export class RegistryPolling {
  private checkedAt = new Date(0);

  constructor(
    private readonly repository: RiskRepository,
    private readonly fleet: FleetRisk,
    private readonly holds: (terminalId: string) => boolean,
  ) {}

  /** The full load has just read the registry: only later changes are polled. */
  loadedAt(at: Date): void {
    if (at > this.checkedAt) this.checkedAt = at;
  }

  async refresh(): Promise<void> {
    const since = this.checkedAt;
    this.checkedAt = new Date();
    for (const r of await this.repository.registry(since)) {
      if (!this.holds(r.terminal_id)) continue;
      this.fleet.setRegistry(r.terminal_id, { registered: r.registered, region: r.region ?? undefined });
    }
  }
}

import type { FleetRisk } from './fleet-risk';
import type { RiskRepository } from './risk.repository';

/** Brings imports made while running (region, registered) into the engine, before each sweep. */
export class RegistryPolling {
  /** Unset until the full load: nothing to poll before it. */
  private since: Date | undefined;

  constructor(
    private readonly repository: RiskRepository,
    private readonly fleet: FleetRisk,
    private readonly holds: (terminalId: string) => boolean,
  ) {}

  /**
   * Called just before a load reads its partitions' registry: polls start where the first
   * load did. A later takeover's load must not move that on, or changes to the partitions
   * already held since the last poll would be skipped.
   */
  async beforeLoad(): Promise<void> {
    this.since ??= await this.repository.registryWatermark();
  }

  async refresh(): Promise<void> {
    if (this.since === undefined) return;
    // The watermark is taken before the read, so what commits after the read is stamped at
    // or after it and the next poll sees it; rows read twice are applied twice, harmlessly.
    const watermark = await this.repository.registryWatermark();
    for (const r of await this.repository.registry(this.since)) {
      if (!this.holds(r.terminal_id)) continue;
      this.fleet.setRegistry(r.terminal_id, { registered: r.registered, region: r.region ?? undefined });
    }
    this.since = watermark;
  }
}

import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { PartitionLeases } from '../cluster/partition-leases';
import { partitionOf, PARTITION_COUNT } from '../cluster/terminal-partition';
import type { FleetRisk } from './fleet-risk';
import { loadHistories } from './history/load-histories';
import type { RiskRepository } from './risk.repository';

/**
 * The engine's compact histories of the terminals this process holds: rebuilt from the
 * database for each partition it takes (messages arriving meanwhile wait and are folded in
 * after the load), fed by committed messages, dropped for partitions it loses.
 */
export class HistoryCache {
  private readonly loading = new Set<number>();
  private waiting: TelemetryMessage[] = [];
  /** Until the first load starts, held terminals' messages wait for it (the single process's start-up). */
  private started = false;

  constructor(
    private readonly fleet: FleetRisk,
    private readonly repository: RiskRepository,
    private readonly leases: PartitionLeases,
  ) {}

  get loaded(): boolean {
    return this.loading.size === 0;
  }

  /** Reads the partitions' histories; returns the terminals touched by messages that waited. */
  async load(partitions: readonly number[], now: number): Promise<Set<string>> {
    for (const p of partitions) this.loading.add(p);
    this.started = true;
    try {
      const only = partitions.length === PARTITION_COUNT ? undefined : partitions;
      loadHistories(this.fleet, await this.repository.loadHistories(now, only), now);
    } finally {
      for (const p of partitions) this.loading.delete(p);
    }
    const waited = this.waiting.filter((m) => !this.isLoading(m.terminalId));
    this.waiting = this.waiting.filter((m) => this.isLoading(m.terminalId));
    return this.fleet.apply(waited.filter((m) => this.leases.holdsTerminal(m.terminalId)));
  }

  drop(partitions: readonly number[]): void {
    const lost = new Set(partitions);
    this.fleet.forget((id) => lost.has(partitionOf(id)));
    this.waiting = this.waiting.filter((m) => !lost.has(partitionOf(m.terminalId)));
  }

  /** Folds in the messages of held terminals; returns those it touched. */
  apply(messages: readonly TelemetryMessage[]): Set<string> {
    const now: TelemetryMessage[] = [];
    for (const m of messages) {
      const held = this.leases.holdsTerminal(m.terminalId);
      if (this.isLoading(m.terminalId) || (held && !this.started)) this.waiting.push(m);
      else if (held) now.push(m);
    }
    return this.fleet.apply(now);
  }

  private isLoading(terminalId: string): boolean {
    return this.loading.size > 0 && this.loading.has(partitionOf(terminalId));
  }
}

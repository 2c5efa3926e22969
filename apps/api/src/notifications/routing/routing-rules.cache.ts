import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CLOCK, type Clock } from '../notification-options';
import type { RoutingRule } from './rule-matching';
import { RoutingRulesRepository, type RoutingRuleRow } from './routing-rules.repository';

/** A rule changed by another API process is read again after this long. */
export const RULES_RELOAD_MS = 10_000;

/**
 * The enabled rules in memory, so routing an alert reads no rules from the database. A change
 * made through this process invalidates them at once; other processes' changes are seen
 * within RULES_RELOAD_MS.
 */
@Injectable()
export class RoutingRulesCache {
  private loaded?: { rules: RoutingRule[]; at: number };
  private loading?: Promise<RoutingRule[]>;
  private generation = 0;

  constructor(
    private readonly repository: RoutingRulesRepository,
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
  ) {}

  async enabled(): Promise<RoutingRule[]> {
    const now = this.clock.now();
    if (this.loaded && now - this.loaded.at < RULES_RELOAD_MS) return this.loaded.rules;
    this.loading ??= this.load(now);
    return this.loading;
  }

  invalidate(): void {
    this.generation += 1;
    this.loaded = undefined;
    this.loading = undefined;
  }

  private async load(now: number): Promise<RoutingRule[]> {
    const generation = this.generation;
    try {
      const rules = (await this.repository.enabled()).map(routingRule);
      // A change while reading: keep the answer for this caller only, the next one reads again.
      if (generation === this.generation) this.loaded = { rules, at: now };
      return rules;
    } finally {
      if (generation === this.generation) this.loading = undefined;
    }
  }
}

function routingRule(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    match: row.match,
    targets: row.targets,
    channels: row.channels,
    stopAfterMatch: row.stop_after_match,
  };
}

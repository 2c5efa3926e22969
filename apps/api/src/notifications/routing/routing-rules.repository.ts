import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { RuleChannel, RuleMatch, RuleTargets } from '@fleet/telemetry/api/alert-rules';
import { DATABASE, type Database } from '../../storage/database';

export interface RoutingRuleRow {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  match: RuleMatch;
  targets: RuleTargets;
  channels: RuleChannel[];
  stop_after_match: boolean;
  built_in: boolean;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
}

/** What a write sets; the id, `built_in` and the creation stamp are the repository's. */
export type RoutingRuleFields = Pick<
  RoutingRuleRow,
  'name' | 'enabled' | 'position' | 'match' | 'targets' | 'channels' | 'stop_after_match'
>;

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** The alert routing rules (migration 0016), in the order routing reads them. */
@Injectable()
export class RoutingRulesRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async list(): Promise<RoutingRuleRow[]> {
    const { rows } = await sql<RoutingRuleRow>`
      select * from alert_routing_rules order by position, name, id`.execute(this.database.db);
    return rows;
  }

  async enabled(): Promise<RoutingRuleRow[]> {
    const { rows } = await sql<RoutingRuleRow>`
      select * from alert_routing_rules where enabled order by position, name, id`.execute(this.database.db);
    return rows;
  }

  async find(id: string): Promise<RoutingRuleRow | undefined> {
    const { rows } = await sql<RoutingRuleRow>`
      select * from alert_routing_rules where id = ${id}`.execute(this.database.db);
    return rows[0];
  }

  /** The position after the last rule, for a new rule that does not say. */
  async nextPosition(): Promise<number> {
    const { rows } = await sql<{ next: number }>`
      select coalesce(max(position), 0) + 10 as next from alert_routing_rules`.execute(this.database.db);
    return Number(rows[0]!.next);
  }

  async insert(fields: RoutingRuleFields, by: string, at: Date): Promise<RoutingRuleRow> {
    const f = fields;
    const { rows } = await sql<RoutingRuleRow>`
      insert into alert_routing_rules (name, enabled, position, match, targets, channels, stop_after_match,
        created_by, created_at, updated_by, updated_at)
      values (${f.name}, ${f.enabled}, ${f.position}, ${jsonb(f.match)}, ${jsonb(f.targets)},
        ${jsonb(f.channels)}, ${f.stop_after_match}, ${by}, ${at}, ${by}, ${at})
      returning *`.execute(this.database.db);
    return rows[0]!;
  }

  /** Replaces every field of the rule; undefined when there is no such rule. */
  async update(
    id: string,
    fields: RoutingRuleFields,
    by: string,
    at: Date,
  ): Promise<RoutingRuleRow | undefined> {
    const f = fields;
    const { rows } = await sql<RoutingRuleRow>`
      update alert_routing_rules set name = ${f.name}, enabled = ${f.enabled}, position = ${f.position},
        match = ${jsonb(f.match)}, targets = ${jsonb(f.targets)}, channels = ${jsonb(f.channels)},
        stop_after_match = ${f.stop_after_match}, updated_by = ${by}, updated_at = ${at}
      where id = ${id}
      returning *`.execute(this.database.db);
    return rows[0];
  }

  async delete(id: string): Promise<RoutingRuleRow | undefined> {
    const { rows } = await sql<RoutingRuleRow>`
      delete from alert_routing_rules where id = ${id} returning *`.execute(this.database.db);
    return rows[0];
  }

  /** The terminal's carrier from its latest signal or SIM report (as silences read it). */
  async terminalMccMnc(terminalId: string): Promise<string | undefined> {
    const { rows } = await sql<{ mcc_mnc: string | null }>`
      select coalesce(signal->>'mccMnc', sim->>'mccMnc') as mcc_mnc
      from terminal_latest where terminal_id = ${terminalId}`.execute(this.database.db);
    return rows[0]?.mcc_mnc ?? undefined;
  }
}

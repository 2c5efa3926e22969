import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import type { EscalationAction, EscalationProgress } from './escalation-policy';

/**
 * The durable half of reminders and escalation: per alert, the reminders sent and the
 * level reached (migration 0014), and the timeline entry of each step.
 */
@Injectable()
export class EscalationRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Progress of these alerts; an alert without a row is at level 1 with no reminder yet. */
  async progressOf(alertIds: readonly string[]): Promise<Map<string, EscalationProgress>> {
    if (alertIds.length === 0) return new Map();
    const { rows } = await sql<{ alert_id: string; reminders_sent: number; level: number }>`
      select alert_id, reminders_sent, level from alert_escalations
      where alert_id in (${sql.join([...alertIds])})`.execute(this.database.db);
    return new Map(
      rows.map((row) => [row.alert_id, { remindersSent: row.reminders_sent, level: row.level }]),
    );
  }

  /**
   * Records a step that was put in the outbox, with its timeline entry, in one transaction.
   * False when it was already recorded (another process, or a run before a restart): the
   * conditional upsert lets exactly one caller move the progress forward.
   */
  async record(alertId: string, action: EscalationAction, detail: object, at: Date): Promise<boolean> {
    const reminders = action.kind === 'reminder' ? action.number : 0;
    const level = action.kind === 'escalation' ? action.level : 1;
    return this.database.db.transaction().execute(async (trx) => {
      const { rows } = await sql`
        insert into alert_escalations as e (alert_id, reminders_sent, level, updated_at)
        values (${alertId}, ${reminders}, ${level}, ${at})
        on conflict (alert_id) do update set
          reminders_sent = greatest(e.reminders_sent, excluded.reminders_sent),
          level = greatest(e.level, excluded.level),
          updated_at = excluded.updated_at
        where e.reminders_sent < excluded.reminders_sent or e.level < excluded.level
        returning alert_id`.execute(trx);
      if (rows.length === 0) return false;
      const kind = action.kind === 'reminder' ? 'reminded' : 'escalated';
      await sql`
        insert into alert_events (alert_id, at, kind, actor, detail)
        values (${alertId}, ${at}, ${kind}, 'system', ${JSON.stringify(detail)}::jsonb)`.execute(trx);
      return true;
    });
  }
}

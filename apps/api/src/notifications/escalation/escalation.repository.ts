import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import type { EscalationAction, EscalationProgress } from './escalation-policy';

/**
 * The durable half of reminders and escalation: per alert, the reminders sent and the
 * level reached in its current open period (migration 0014), and each step's timeline entry.
 */
@Injectable()
export class EscalationRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Progress of these alerts in their current open period (`raisedAt`, the alert's
   * lastRaisedAt); without a row, or with one of an earlier period (before a reopen), an
   * alert is at level 1 with no reminder yet.
   */
  async progressOf(
    alerts: ReadonlyArray<{ id: string; raisedAt: number }>,
  ): Promise<Map<string, EscalationProgress>> {
    if (alerts.length === 0) return new Map();
    const periods = new Map(alerts.map((alert) => [alert.id, alert.raisedAt]));
    const { rows } = await sql<{ alert_id: string; raised_at: Date; reminders_sent: number; level: number }>`
      select alert_id, raised_at, reminders_sent, level from alert_escalations
      where alert_id in (${sql.join([...periods.keys()])})`.execute(this.database.db);
    return new Map(
      rows
        .filter((row) => new Date(row.raised_at).getTime() === periods.get(row.alert_id))
        .map((row) => [row.alert_id, { remindersSent: row.reminders_sent, level: row.level }]),
    );
  }

  /**
   * Records a step that was put in the outbox, with its timeline entry, in one transaction.
   * False when it was already recorded (another process, or a run before a restart): the
   * conditional upsert lets exactly one caller move the progress forward; a later open
   * period replaces an earlier one's progress.
   */
  async record(
    alertId: string,
    raisedAt: Date,
    action: EscalationAction,
    detail: object,
    at: Date,
  ): Promise<boolean> {
    const reminders = action.kind === 'reminder' ? action.number : 0;
    const level = action.kind === 'escalation' ? action.level : 1;
    return this.database.db.transaction().execute(async (trx) => {
      const { rows } = await sql`
        insert into alert_escalations as e (alert_id, raised_at, reminders_sent, level, updated_at)
        values (${alertId}, ${raisedAt}, ${reminders}, ${level}, ${at})
        on conflict (alert_id) do update set
          reminders_sent = case when e.raised_at = excluded.raised_at
            then greatest(e.reminders_sent, excluded.reminders_sent) else excluded.reminders_sent end,
          level = case when e.raised_at = excluded.raised_at
            then greatest(e.level, excluded.level) else excluded.level end,
          raised_at = excluded.raised_at,
          updated_at = excluded.updated_at
        where e.raised_at < excluded.raised_at
          or (e.raised_at = excluded.raised_at
            and (e.reminders_sent < excluded.reminders_sent or e.level < excluded.level))
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

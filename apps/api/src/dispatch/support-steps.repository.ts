import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { SupportStepKind } from '@fleet/telemetry/api/work-orders';
import { DATABASE, type Database } from '../storage/database';

export interface SupportStepRow {
  id: string;
  alert_id: string;
  terminal_id: string;
  kind: SupportStepKind;
  note: string | null;
  at: Date;
  actor: string;
}

/** What support did about an alert before a visit: the dispatch policy's inputs. */
@Injectable()
export class SupportStepsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async insert(step: Omit<SupportStepRow, 'id'>): Promise<SupportStepRow> {
    const { rows } = await sql<SupportStepRow>`
      insert into support_steps (alert_id, terminal_id, kind, note, at, actor)
      values (${step.alert_id}, ${step.terminal_id}, ${step.kind}, ${step.note}, ${step.at}, ${step.actor})
      returning *`.execute(this.database.db);
    return rows[0]!;
  }

  async ofAlert(alertId: string): Promise<SupportStepRow[]> {
    const { rows } = await sql<SupportStepRow>`
      select * from support_steps where alert_id = ${alertId} order by at, id`.execute(this.database.db);
    return rows;
  }
}

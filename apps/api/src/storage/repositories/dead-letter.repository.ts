import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '../database';
import { toIso } from './terminal-state';

export interface StoredDeadLetter {
  id: number;
  receivedAt: string;
  topic: string;
  payload: string;
  reason: string;
  detail: string;
  terminalId: string | null;
}

export const MAX_RECENT_DEAD_LETTERS = 1000;

@Injectable()
export class DeadLetterRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** How many messages were refused for each reason, most frequent first. */
  async countsByReason(): Promise<Array<{ reason: string; count: number }>> {
    const rows = await this.database.db
      .selectFrom('dead_letters')
      .select((eb) => ['reason', eb.fn.countAll<number>().as('count')])
      .groupBy('reason')
      .orderBy('count', 'desc')
      .orderBy('reason')
      .execute();
    return rows.map((r) => ({ reason: r.reason, count: Number(r.count) }));
  }

  /** The newest dead letters, newest first. */
  async recent(limit: number): Promise<StoredDeadLetter[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECENT_DEAD_LETTERS) {
      throw new RangeError(`limit must be a whole number from 1 to ${MAX_RECENT_DEAD_LETTERS}, got ${limit}`);
    }
    const rows = await this.database.db
      .selectFrom('dead_letters')
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      receivedAt: toIso(r.received_at)!,
      topic: r.topic,
      payload: r.payload,
      reason: r.reason,
      detail: r.detail,
      terminalId: r.terminal_id,
    }));
  }
}

import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { Database } from '../database';
import type { DB } from '../schema/db-schema';
import type { DeadLetter, StoreBatchResult, TelemetryStore } from '../telemetry-store.port';
import { cleanText } from './clean-text';
import { foldLatest } from './latest-state';
import { latestUpsertJson, UPSERT_LATEST_SQL } from './latest-upsert';
import { toArrayLiteral } from './pg-array-literal';
import { buildRawInserts, messageKey, uniqueMessages, withoutKeys } from './raw-insert';

/** Dead-letter payloads are kept for diagnosis, not replay: a few KiB is enough. */
export const DEAD_LETTER_PAYLOAD_LIMIT = 4096;

const INSERT_UNREGISTERED_SQL = `
insert into terminals (terminal_id, registered)
select terminal_id, false from unnest($1::text[]) as u(terminal_id)
on conflict (terminal_id) do nothing`;

const INSERT_DEAD_LETTERS_SQL = `
insert into dead_letters (received_at, topic, payload, reason, detail, terminal_id)
select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`;

/**
 * The ingestor's write path: one transaction per batch and a fixed number of
 * statements whatever the batch size (one insert per channel, one upsert of latest
 * state, one for unregistered terminals, one for dead letters).
 */
export class SqlTelemetryStore implements TelemetryStore {
  constructor(private readonly database: Database) {}

  async storeBatch(
    messages: readonly TelemetryMessage[],
    deadLetters: readonly DeadLetter[],
  ): Promise<StoreBatchResult> {
    if (messages.length === 0 && deadLetters.length === 0)
      return { stored: 0, duplicates: 0, deadLetters: 0 };
    const unique = uniqueMessages(messages);
    const stored = await this.database.db.transaction().execute(async (trx) => {
      const fresh = withoutKeys(unique, await insertRaw(trx, unique));
      // Only new messages move latest state: a redelivered copy is no proof of life.
      const updates = foldLatest(fresh);
      if (updates.length > 0) {
        await run(trx, INSERT_UNREGISTERED_SQL, [toArrayLiteral(updates.map((u) => u.terminalId))]);
        await run(trx, UPSERT_LATEST_SQL, [latestUpsertJson(updates)]);
      }
      if (deadLetters.length > 0)
        await run(trx, INSERT_DEAD_LETTERS_SQL, deadLetterColumns(deadLetters).map(toArrayLiteral));
      return fresh.length;
    });
    return { stored, duplicates: messages.length - stored, deadLetters: deadLetters.length };
  }
}

/** Inserts every channel's rows; returns the keys of messages that were already stored. */
async function insertRaw(trx: Transaction<DB>, messages: readonly TelemetryMessage[]): Promise<Set<string>> {
  const alreadyStored = new Set<string>();
  for (const insert of buildRawInserts(messages)) {
    const { rows } = await run<{ terminal_id: string; ts_ms: number; seq: number }>(
      trx,
      insert.sql,
      insert.parameters,
    );
    for (const row of rows)
      alreadyStored.add(messageKey(insert.channel, row.terminal_id, row.ts_ms, Number(row.seq)));
  }
  return alreadyStored;
}

function run<R>(db: Kysely<DB>, text: string, parameters: readonly unknown[]) {
  return db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
}

function deadLetterColumns(letters: readonly DeadLetter[]): unknown[][] {
  return [
    letters.map((l) => new Date(l.receivedAt).toISOString()),
    letters.map((l) => cleanText(l.topic)),
    letters.map((l) => cleanText(l.payload.slice(0, DEAD_LETTER_PAYLOAD_LIMIT))),
    letters.map((l) => l.reason),
    letters.map((l) => cleanText(l.detail)),
    letters.map((l) => (l.terminalId === undefined ? null : cleanText(l.terminalId))),
  ];
}

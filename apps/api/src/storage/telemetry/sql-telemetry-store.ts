import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { Database } from '../database';
import type { DeadLetter, StoreBatchResult, TelemetryStore } from '../telemetry-store.port';
import { cleanText } from './clean-text';
import { foldLatest, type LatestUpdate } from './latest-state';
import { latestUpsert, type LatestUpsert } from './latest-upsert';
import { toArrayLiteral } from './pg-array-literal';
import { buildRawInserts, messageKey, uniqueMessages, withoutKeys, type RawInsertMode } from './raw-insert';
import { buildRawCopies } from './raw-copy';
import { dateWillsAfterStoredTraffic } from './will-dating';
import { kyselyRunner, pgCopyIn, preparedRunner, type SqlRunner, type SqlSession } from './sql-runner';

/** Writes what a batch stored where other processes hear of it, inside the batch's transaction. */
export type BatchAnnouncer = (run: SqlRunner, fresh: readonly TelemetryMessage[]) => Promise<void>;

/** Dead-letter payloads are kept for diagnosis, not replay: a few KiB is enough. */
export const DEAD_LETTER_PAYLOAD_LIMIT = 4096;

const INSERT_UNREGISTERED_SQL = `
insert into terminals (terminal_id, registered)
select terminal_id, false from unnest($1::text[]) as u(terminal_id)
on conflict (terminal_id) do nothing`;

const INSERT_DEAD_LETTERS_SQL = `
insert into dead_letters (received_at, topic, payload, reason, detail, terminal_id)
select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`;

/** PostgreSQL's unique_violation: a plain raw insert met a message stored before. */
const UNIQUE_VIOLATION = '23505';
/** Redeliveries come in runs (a reconnect resends everything unacked): after one, this many batches skip stored rows up front. */
const SKIP_STORED_BATCHES = 16;

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;

/**
 * The ingestor's write path: one transaction per batch and a fixed number of
 * statements whatever the batch size (one insert per channel, one upsert of latest
 * state, one for first-seen terminals, one for dead letters).
 * Raw rows first go in with plain inserts (COPY on a server); a batch holding an already
 * stored message fails on the primary key, rolls back whole and is stored again skipping
 * stored rows. On a server the statements are named prepared statements.
 */
export class SqlTelemetryStore implements TelemetryStore {
  private skipStoredBatches = 0;

  /** `announce` runs last in each batch's transaction with the newly stored messages (cluster change feed). */
  constructor(
    private readonly database: Database,
    private readonly announce?: BatchAnnouncer,
  ) {}

  async storeBatch(
    messages: readonly TelemetryMessage[],
    deadLetters: readonly DeadLetter[],
  ): Promise<StoreBatchResult> {
    if (messages.length === 0 && deadLetters.length === 0)
      return { stored: 0, duplicates: 0, deadLetters: 0 };
    let stored: number | undefined;
    if (this.skipStoredBatches > 0) this.skipStoredBatches -= 1;
    else {
      try {
        stored = await this.commit(messages, deadLetters, 'plain');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.skipStoredBatches = SKIP_STORED_BATCHES;
      }
    }
    stored ??= await this.commit(messages, deadLetters, 'skipStored');
    return { stored, duplicates: messages.length - stored, deadLetters: deadLetters.length };
  }

  /** One transaction: raw rows, latest state, first-seen terminals, dead letters; returns the count stored. */
  private commit(
    messages: readonly TelemetryMessage[],
    deadLetters: readonly DeadLetter[],
    mode: RawInsertMode,
  ): Promise<number> {
    return this.inTransaction(async (session) => {
      const { run } = session;
      // Before the keys are taken: dating a Will sets its ts.
      await dateWillsAfterStoredTraffic(run, messages);
      const unique = uniqueMessages(messages);
      const fresh = withoutKeys(unique, await insertRaw(session, unique, mode));
      // Only new messages move latest state: a redelivered copy is no proof of life.
      const updates = foldLatest(fresh);
      if (updates.length > 0) {
        const upsert = latestUpsert(updates);
        const { affected } = await run(upsert.update, upsert.parameters);
        // Nothing to read back in the usual case: every terminal of the batch was known.
        if (affected < updates.length) await insertFirstSeen(run, upsert, updates);
      }
      if (deadLetters.length > 0)
        await run(INSERT_DEAD_LETTERS_SQL, deadLetterColumns(deadLetters).map(toArrayLiteral));
      if (this.announce !== undefined && fresh.length > 0) await this.announce(run, fresh);
      return fresh.length;
    });
  }

  /** On a server, named prepared statements and COPY on a pooled client; embedded, through Kysely. */
  private inTransaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const { pgTransaction, db } = this.database;
    if (pgTransaction)
      return pgTransaction((client) => work({ run: preparedRunner(client), copyIn: pgCopyIn(client) }));
    return db.transaction().execute((trx) => work({ run: kyselyRunner(trx) }));
  }
}

/**
 * Latest rows for terminals the UPDATE did not find, recorded in terminals too. Every row
 * of the batch goes through the insert's ON CONFLICT path: which ones the UPDATE missed
 * cannot be read back reliably (a concurrent batch may have created them since), and
 * moving a row forward twice in one transaction changes nothing.
 */
async function insertFirstSeen(run: SqlRunner, upsert: LatestUpsert, updates: readonly LatestUpdate[]) {
  await run(upsert.insert, upsert.parameters);
  // Every terminal got its terminals row with its first latest row (neither is ever
  // deleted), so only batches with first sightings need this statement.
  await run(INSERT_UNREGISTERED_SQL, [toArrayLiteral(updates.map((u) => u.terminalId))]);
}

/**
 * Inserts every channel's rows; returns the keys of messages that were already stored.
 * Plain mode on a server copies the rows in: no per-row executor work for unnest and
 * to_timestamp, and no statement to parse or plan.
 */
async function insertRaw(
  { run, copyIn }: SqlSession,
  messages: readonly TelemetryMessage[],
  mode: RawInsertMode,
): Promise<Set<string>> {
  const alreadyStored = new Set<string>();
  if (mode === 'plain' && copyIn) {
    for (const copy of buildRawCopies(messages)) await copyIn(copy.sql, copy.text);
    return alreadyStored;
  }
  for (const insert of buildRawInserts(messages, mode)) {
    const { rows } = await run<{ terminal_id: string; ts_ms: number; seq: number }>(
      insert.sql,
      insert.parameters,
    );
    for (const row of rows)
      alreadyStored.add(messageKey(insert.channel, row.terminal_id, row.ts_ms, Number(row.seq)));
  }
  return alreadyStored;
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

import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { sql, type Kysely } from 'kysely';
import { IngestWatermark, type IngestPosition } from '../ingest/ingest-watermark';
import type { DB } from '../storage/schema/db-schema';
import type { ClusterSession } from './cluster-session';
import { INGEST_CHANGES_CHANNEL } from './ingest-change-announcer';

/** Rows read per query: a few batches of messages. */
const READ_CHUNK = 20;

type MessagesListener = (messages: readonly TelemetryMessage[]) => void;

/**
 * The risk side of the change feed: every ingest process's committed messages, in commit
 * order, read from ingest_changes after a NOTIFY (and every `pollMs`, should one be missed
 * while the session reconnects). Starts at the newest change when the process starts: what
 * came before is in the tables the histories are loaded from.
 */
export class IngestChangeFeed {
  private readonly listeners = new Set<MessagesListener>();
  private cursor: bigint | undefined;
  private reading: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** How far the ingest has got, as seen from here: arrival lag of the messages read, the reads failing. */
  private readonly watermark = new IngestWatermark();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly session: ClusterSession,
    private readonly pollMs: number,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The ingest's position for the engine's clock, as the single process's IngestService gives
   * it: while the messages read arrive late (a backlog draining) silence is judged no further
   * than they reach; while the change table cannot be read, no further than the last read.
   */
  position(): IngestPosition {
    return this.watermark.position(this.now());
  }

  onMessages(listener: MessagesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    const { rows } = await sql<{ id: string }>`select coalesce(max(id), 0) as id from ingest_changes`.execute(
      this.db,
    );
    this.cursor = BigInt(rows[0]!.id);
    this.session.on('notification', (channel) => {
      if (channel === INGEST_CHANGES_CHANNEL) this.read();
    });
    await this.session.listen(INGEST_CHANGES_CHANNEL);
    this.timer = setInterval(() => this.read(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
  }

  /** Reads everything after the cursor; a call while reading makes one more pass after it. */
  private read(): void {
    if (this.reading !== undefined) {
      this.again = true;
      return;
    }
    this.reading = this.drain()
      .catch((error: unknown) =>
        this.log(`cluster: reading ingest changes failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.read();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const { rows } = await sql<{ id: string; messages: string }>`
        select id, messages from ingest_changes where id > ${String(this.cursor)}::bigint
        order by id limit ${READ_CHUNK}`.execute(this.db);
      for (const row of rows) {
        this.cursor = BigInt(row.id);
        const messages = JSON.parse(row.messages) as TelemetryMessage[];
        for (const message of messages) this.watermark.arrived(message);
        for (const listener of this.listeners) listener(messages);
      }
      // Everything committed so far has been read.
      this.watermark.committed(this.now());
      if (rows.length < READ_CHUNK) return;
    }
  }
}

export const INGEST_CHANGE_FEED = Symbol('INGEST_CHANGE_FEED');

import { EventEmitter } from 'node:events';
import pg from 'pg';

const RECONNECT_MS = 1000;

/**
 * One dedicated PostgreSQL connection per process: its session holds the advisory locks
 * that are the process's leases, and LISTENs for announcements. When the connection is lost
 * (the server restarted, the network dropped), every lock went with it: `lost` is emitted
 * and the session reconnects; listeners are subscribed again.
 */
export class ClusterSession extends EventEmitter<{
  lost: [];
  notification: [channel: string, payload: string];
}> {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly channels = new Set<string>();
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (line: string) => void,
  ) {
    super();
  }

  /** pg_try_advisory_lock on this session; false when another session holds it or the link is down. */
  async tryLock(key1: number, key2: number): Promise<boolean> {
    const { rows } = await this.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
      key1,
      key2,
    ]);
    return rows[0]?.ok === true;
  }

  async unlock(key1: number, key2: number): Promise<void> {
    await this.query('select pg_advisory_unlock($1, $2)', [key1, key2]);
  }

  /** LISTENs on `channel` now and after every reconnect; notifications come as `notification`. */
  async listen(channel: string): Promise<void> {
    this.channels.add(channel);
    await this.query(`listen ${pg.escapeIdentifier(channel)}`);
  }

  async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.connected();
    return client.query<R>(text, values);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('cluster session closed'));
    if (this.client !== undefined) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'fleet-cluster' });
    client.on('error', (error) => this.drop(client, error));
    client.on('end', () => this.drop(client, new Error('connection ended')));
    client.on('notification', (n) => this.emit('notification', n.channel, n.payload ?? ''));
    await client.connect();
    for (const channel of this.channels) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    this.client = client;
    return client;
  }

  private drop(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.log(`cluster: lost the database session (${error.message}); its leases are gone, reconnecting`);
    this.emit('lost');
    // Listeners must hear again without waiting for the next lock call.
    setTimeout(() => void this.connected().catch(() => undefined), RECONNECT_MS).unref();
  }
}

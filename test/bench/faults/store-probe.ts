import { Client } from 'pg';

const RAW_TABLES = ['heartbeats', 'signal_samples'];
const STORED = RAW_TABLES.map((t) => `select terminal_id, '${t}' tbl, seq from ${t}`).join(' union all ');
const LOST = `select a.terminal_id, a.channel, a.seq::text, a.ts_ms::text, a.ack_ms::text from acked a where not exists (
  select 1 from (${STORED}) s where s.terminal_id = a.terminal_id and s.seq = a.seq
    and s.tbl = case a.channel when 'heartbeat' then 'heartbeats' else 'signal_samples' end)`;

/** Counts on the bench database's raw tables; survives the database being down (undefined then). */
export class StoreProbe {
  private client: Client | undefined;
  constructor(private readonly url: string) {}

  async stored(): Promise<number | undefined> {
    const sql = RAW_TABLES.map((t) => `select count(*)::bigint n from ${t}`).join(' union all ');
    return this.count(`select coalesce(sum(n), 0)::text n from (${sql}) x`, []);
  }

  /** Rows whose device ts falls in [fromMs, toMs): new traffic, whatever was lost before. */
  async storedBetween(fromMs: number, toMs: number): Promise<number | undefined> {
    const sql = RAW_TABLES.map(
      (t) =>
        `select count(*)::bigint n from ${t} where ts >= to_timestamp($1 / 1000.0) and ts < to_timestamp($2 / 1000.0)`,
    ).join(' union all ');
    return this.count(`select coalesce(sum(n), 0)::text n from (${sql}) x`, [fromMs, toMs]);
  }

  /**
   * Loads the fleet's acked lists (terminal, channel, seq, ts, ack time) and compares them
   * with the raw tables: when those not stored were sent and acked, and rows stored more than once.
   */
  async compare(csvPaths: string[]) {
    const c = await this.connect();
    await c.query(
      `create temp table acked (terminal_id text, channel text, seq bigint, ts_ms bigint, ack_ms bigint)`,
    );
    for (const path of csvPaths) await c.query(`copy acked from '${path}' csv`);
    const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
    const lost = await c.query<{
      terminal_id: string;
      channel: string;
      seq: string;
      ts_ms: string;
      ack_ms: string;
    }>(LOST);
    return {
      lost: lost.rows.map((r) => ({
        key: `${r.terminal_id}/${r.channel}#${r.seq}`,
        ts: Number(r.ts_ms),
        ackAt: Number(r.ack_ms),
      })),
      stored: await q(`select count(*)::text n from (${STORED}) s`),
      duplicates: await q(`select coalesce(sum(n - 1), 0)::text n from (
          select count(*) n from (${STORED}) s group by terminal_id, tbl, seq having count(*) > 1) d`),
      deadLetters: await q(`select count(*)::text n from dead_letters`),
    };
  }

  close(): void {
    this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async count(sql: string, parameters: unknown[]): Promise<number | undefined> {
    try {
      const c = await this.connect();
      return Number((await c.query<{ n: string }>(sql, parameters)).rows[0]!.n);
    } catch {
      this.close();
      return undefined;
    }
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const c = new Client({ connectionString: this.url });
    c.on('error', () => this.close());
    await c.connect();
    this.client = c;
    return c;
  }
}

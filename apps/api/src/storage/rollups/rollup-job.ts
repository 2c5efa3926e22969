import { CompiledQuery, sql } from 'kysely';
import type { Database } from '../database';
import { deleteExpiredRaw } from '../retention';
import { POSTGRES_ROLLUPS, refreshSql } from './postgres-rollups';

export interface RollupJobOptions {
  retentionDays: number;
  /** Rows received this recently may still be in an uncommitted batch; fold them next run. */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface RollupRunResult {
  /** Postgres mode: the platform-time window folded into the rollup tables. */
  window?: { from: Date; to: Date };
  /** Postgres mode: raw rows removed past retention. */
  expiredRows?: number;
  /** Timescale mode: policy jobs run in the foreground. */
  policyJobs?: number;
}

const WATERMARK = 'rollups';
/** In this order: aggregates are refreshed before raw chunks are compressed or dropped. */
const TIMESCALE_POLICIES = ['policy_refresh_continuous_aggregate', 'policy_compression', 'policy_retention'];

/**
 * The app-side scheduler. Postgres mode: refreshes the rollup tables incrementally and
 * deletes raw rows past retention. Timescale mode: runs the timescale policy jobs, for
 * databases without TimescaleDB's background workers (the embedded WASM build has none).
 */
export class RollupJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly database: Database,
    private readonly options: RollupJobOptions,
  ) {}

  async runOnce(now: Date = new Date()): Promise<RollupRunResult> {
    return this.database.mode === 'postgres' ? this.refreshTables(now) : this.runPolicies();
  }

  /** Runs now and then every intervalMs, one run at a time; failures are logged, not thrown. */
  start(intervalMs = 60_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.log?.(`rollups: run failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress, so the database can close cleanly. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async refreshTables(now: Date): Promise<RollupRunResult> {
    const to = new Date(now.getTime() - (this.options.settleMs ?? 30_000));
    const from = await this.database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ received_to: Date }>`
        select received_to from rollup_watermarks where name = ${WATERMARK} for update
      `.execute(trx);
      const start = rows[0]?.received_to ?? new Date(0);
      if (start >= to) return start;
      for (const spec of POSTGRES_ROLLUPS) {
        await trx.executeQuery(CompiledQuery.raw(refreshSql(spec), [start.toISOString(), to.toISOString()]));
      }
      await sql`
        insert into rollup_watermarks (name, received_to) values (${WATERMARK}, ${to})
        on conflict (name) do update set received_to = excluded.received_to
      `.execute(trx);
      return start;
    });
    const cutoff = new Date(now.getTime() - this.options.retentionDays * 86_400_000);
    const expiredRows = await deleteExpiredRaw(this.database, cutoff);
    return { window: { from, to }, expiredRows };
  }

  private async runPolicies(): Promise<RollupRunResult> {
    const { rows } = await sql<{ job_id: number }>`
      select job_id from timescaledb_information.jobs
      where proc_name in (${sql.join(TIMESCALE_POLICIES)})
      order by array_position(${TIMESCALE_POLICIES}::text[], proc_name::text), job_id
    `.execute(this.database.db);
    // CALL run_job cannot run inside a transaction block: one statement per job.
    for (const { job_id } of rows) await sql.raw(`call run_job(${Number(job_id)})`).execute(this.database.db);
    return { policyJobs: rows.length };
  }
}

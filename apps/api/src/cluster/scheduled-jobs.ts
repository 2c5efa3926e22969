import { sql, type Kysely } from 'kysely';
import { startRepeating } from '../common/jobs/repeating-run';
import type { DB } from '../storage/schema/db-schema';

export interface RepeatingJob {
  stop(): Promise<void>;
}

/**
 * Repeating work that must run once per interval however many processes there are
 * (rollups and raw retention, the outage fold, cleaning the change feed).
 */
export interface ScheduledJobs {
  repeat(
    name: string,
    intervalMs: number,
    run: () => Promise<unknown>,
    onError: (error: Error) => void,
  ): RepeatingJob;
}

/** The single process: it is the only one, so each tick runs. */
export const localScheduledJobs: ScheduledJobs = {
  repeat: (_name, intervalMs, run, onError) => startRepeating(run, intervalMs, onError),
};

/** How often each process looks whether the current slot is still unclaimed, per interval. */
const CHECKS_PER_INTERVAL = 4;

/**
 * Across processes: time is cut into slots of the job's interval, and a process runs a slot
 * only if it is the one that inserts its scheduled_job_runs row (the primary key lets one
 * insert win). No leader to elect or lose: a process that dies mid-run has run its slot,
 * and the next slot goes to whichever process looks first.
 */
export class ClaimedScheduledJobs implements ScheduledJobs {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly node: string,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  repeat(
    name: string,
    intervalMs: number,
    run: () => Promise<unknown>,
    onError: (error: Error) => void,
  ): RepeatingJob {
    return startRepeating(
      async () => {
        const slot = Math.floor(this.now() / intervalMs);
        if (!(await this.claim(name, slot))) return;
        this.log(`scheduled job ${name} running (slot ${slot})`);
        await run();
      },
      Math.max(1, Math.floor(intervalMs / CHECKS_PER_INTERVAL)),
      onError,
    );
  }

  private async claim(job: string, slot: number): Promise<boolean> {
    const { rows } = await sql<{ slot: string }>`
      insert into scheduled_job_runs (job, slot, node) values (${job}, ${slot}, ${this.node})
      on conflict (job, slot) do nothing returning slot`.execute(this.db);
    return rows.length === 1;
  }
}

export const SCHEDULED_JOBS = Symbol('SCHEDULED_JOBS');

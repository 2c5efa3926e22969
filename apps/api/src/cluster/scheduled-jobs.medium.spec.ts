import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { ClaimedScheduledJobs } from './scheduled-jobs';

const postgresUp = await postgresAvailableOrSkip();
const quiet = () => undefined;

describe.runIf(postgresUp)('scheduled jobs claimed per slot on PostgreSQL', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('runs a job once per slot however many processes tick it, and again in the next slot', async () => {
    let now = 1_000_000 * 60_000;
    const runs: string[] = [];
    const nodes = ['a', 'b', 'c'].map((node) => ({
      node,
      jobs: new ClaimedScheduledJobs(test.database.db, node, () => now, quiet),
    }));
    // An interval long enough that each node's first tick is the only one in the slot.
    const started = nodes.map(({ node, jobs }) =>
      jobs.repeat('rollups', 60_000, async () => void runs.push(node), quiet),
    );
    await waitFor(async () => (await rowsOf('rollups')).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300)); // every node has ticked meanwhile
    expect(runs).toHaveLength(1);
    now += 60_000;
    for (const handle of started) await handle.stop();
    const again = nodes.map(({ node, jobs }) =>
      jobs.repeat('rollups', 60_000, async () => void runs.push(node), quiet),
    );
    await waitFor(async () => (await rowsOf('rollups')).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const handle of again) await handle.stop();
    expect(runs).toHaveLength(2);
    expect((await rowsOf('rollups')).map((r) => Number(r.slot))).toEqual([1_000_000, 1_000_001]);
  });

  async function rowsOf(job: string) {
    const { rows } = await sql<{ slot: string; node: string }>`
      select slot, node from scheduled_job_runs where job = ${job} order by slot`.execute(test.database.db);
    return rows;
  }
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

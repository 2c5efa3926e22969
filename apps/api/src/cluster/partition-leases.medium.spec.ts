import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { ClusterSession } from './cluster-session';
import { AdvisoryPartitionLeases } from './partition-leases';
import { PARTITION_COUNT, partitionOf } from './terminal-partition';

const postgresUp = await postgresAvailableOrSkip();
const quiet = () => undefined;

describe.runIf(postgresUp)('risk partition leases as advisory locks on PostgreSQL', () => {
  let test: TestDatabase;
  const sessions: ClusterSession[] = [];
  const session = () => {
    const s = new ClusterSession(test.databaseUrl!, quiet);
    sessions.push(s);
    return s;
  };
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await test?.drop();
  });

  it('gives every partition to the first process and none to a standby, which takes them all once the holder is gone', async () => {
    const firstSession = session();
    const first = new AdvisoryPartitionLeases(firstSession, 100, quiet);
    const firstTook = once(first, 'taken') as Promise<[number[]]>;
    first.start();
    const [taken] = await firstTook;
    expect(taken).toHaveLength(PARTITION_COUNT);
    expect(first.holdsTerminal('T-1')).toBe(true);

    const standby = new AdvisoryPartitionLeases(session(), 100, quiet);
    const standbyTook = once(standby, 'taken') as Promise<[number[]]>;
    standby.start();
    // Many passes of the standby while the first lives: it takes nothing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(standby.held().size).toBe(0);
    expect(standby.holdsTerminal('T-1')).toBe(false);

    // The holder's connection ends as a killed process's would: its locks go with it.
    const lost = once(first, 'lost') as Promise<[number[]]>;
    await firstSession.query('select pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
    expect((await lost)[0]).toHaveLength(PARTITION_COUNT);
    expect(first.held().size).toBe(0);
    expect((await standbyTook)[0]).toHaveLength(PARTITION_COUNT);
    expect(standby.holdsTerminal('T-1')).toBe(true);
    expect(standby.held().has(partitionOf('T-1'))).toBe(true);
    await first.stop();
    await standby.stop();
  });
});

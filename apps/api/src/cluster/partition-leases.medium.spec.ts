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
    expect((await firstTook)[0]).toHaveLength(PARTITION_COUNT);
    expect(first.holdsTerminal('T-1')).toBe(true);

    const standbySession = session();
    const standby = new AdvisoryPartitionLeases(standbySession, 100, quiet);
    const standbyTook = once(standby, 'taken') as Promise<[number[]]>;
    standby.start();
    // Many passes of the standby while the first lives: it takes nothing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(standby.held().size).toBe(0);
    expect(standby.holdsTerminal('T-1')).toBe(false);

    // The holder's process is gone: its connection closes, and its locks with it.
    await firstSession.close();
    expect((await standbyTook)[0]).toHaveLength(PARTITION_COUNT);
    expect(standby.holdsTerminal('T-1')).toBe(true);
    expect(standby.held().has(partitionOf('T-1'))).toBe(true);
    await first.stop();
    await standby.stop();
    await standbySession.close(); // as the process's shutdown does: the locks go with it
  });

  it('hears that it lost every partition when its connection is cut, and takes them again once reconnected', async () => {
    const holderSession = session();
    const holder = new AdvisoryPartitionLeases(holderSession, 100, quiet);
    const took = once(holder, 'taken') as Promise<[number[]]>;
    holder.start();
    await took;
    const lost = once(holder, 'lost') as Promise<[number[]]>;
    const tookAgain = lost.then(() => once(holder, 'taken') as Promise<[number[]]>);
    await holderSession.query('select pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
    expect((await lost)[0]).toHaveLength(PARTITION_COUNT);
    expect((await tookAgain)[0]).toHaveLength(PARTITION_COUNT);
    await holder.stop();
  });
});

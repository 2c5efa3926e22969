import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** The machine's Redis that medium tests use; each test keeps to its own key prefix. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A prefix no other test run uses, e.g. `fleet-test-1a2b3c4d:`. */
export function testKeyPrefix(): string {
  return `fleet-test-${randomBytes(4).toString('hex')}:`;
}

/** The house rule (as for PostgreSQL): unreachable Redis fails under CI, else the tests skip. */
export async function redisAvailableOrSkip(): Promise<boolean> {
  const client = createClient({
    url: TEST_REDIS_URL,
    socket: { reconnectStrategy: false, connectTimeout: 2000 },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.close();
    return true;
  } catch {
    const message = `Redis is not reachable at ${TEST_REDIS_URL}`;
    if (process.env.CI) throw new Error(`${message} (required under CI)`);
    console.warn(`${message}: skipping the Redis tests`);
    return false;
  }
}

/** Removes every key under `prefix` (streams, sorted sets) a test left behind. */
export async function dropKeys(prefix: string): Promise<void> {
  const client = createClient({ url: TEST_REDIS_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
      if (keys.length > 0) await client.del(keys);
  } finally {
    await client.close();
  }
}

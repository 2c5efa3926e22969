import type pg from 'pg';

/**
 * One transaction on a client of `pool`. The client goes back to the pool after COMMIT or
 * ROLLBACK, keeping its prepared statements; it is discarded only when the rollback itself
 * fails, since its session state is then unknown.
 */
export async function pgTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A checked-out client has no listener of the pool's: when the server ends its backend
  // (pg_terminate_backend, a restart) it emits 'error', which would crash the process. The
  // running query rejects with the cause anyway; the rollback then fails and discards it.
  const swallow = () => undefined;
  client.on('error', swallow);
  try {
    return await transaction(client, work);
  } finally {
    client.off('error', swallow);
  }
}

async function transaction<T>(
  client: pg.PoolClient,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    await client.query('begin');
    result = await work(client);
    await client.query('commit');
  } catch (error) {
    try {
      await client.query('rollback');
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)));
    }
    throw error;
  }
  client.release();
  return result;
}

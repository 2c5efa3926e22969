import type pg from 'pg';

/**
 * One transaction on a client of `pool`. The client goes back to the pool after COMMIT or
 * ROLLBACK, keeping its prepared statements; it is discarded only when the rollback itself
 * fails, since its session state is then unknown. A backend ended mid-transaction: the
 * client's 'error' is heard by openPgDatabase's listener, the running query rejects, the
 * rollback fails and the client is discarded.
 */
export async function pgTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
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

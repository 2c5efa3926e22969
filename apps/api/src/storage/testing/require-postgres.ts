import { isPostgresReachable, TEST_POSTGRES_URL } from './test-database';

/**
 * The house rule for tests that need the machine's PostgreSQL: when it is unreachable,
 * fail under CI and otherwise skip with a clear message. Returns whether to run.
 */
export async function postgresAvailableOrSkip(): Promise<boolean> {
  if (await isPostgresReachable()) return true;
  const message = `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}`;
  if (process.env.CI) throw new Error(`${message} (required under CI)`);
  console.warn(`${message}: skipping the postgres-driver tests`);
  return false;
}

import { afterAll, beforeAll, describe } from 'vitest';
import { postgresAvailableOrSkip } from './require-postgres';
import { createTestDatabase, type TestDatabase } from './test-database';

const postgresUp = await postgresAvailableOrSkip();

/**
 * `body` once per storage driver (embedded PGlite, the machine's PostgreSQL), each on a
 * fresh migrated database made before and dropped after; `title` may use %s for the driver.
 */
export function describeOnEachDriver(title: string, body: (test: () => TestDatabase) => void): void {
  describe.each(['embedded', 'postgres'] as const)(title, (kind) => {
    describe.skipIf(kind === 'postgres' && !postgresUp)('', () => {
      let test: TestDatabase | undefined;
      beforeAll(async () => {
        test = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await test?.drop();
      });
      body(() => test!);
    });
  });
}

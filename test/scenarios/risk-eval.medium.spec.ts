import { describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../apps/api/src/storage/testing/require-postgres';
import { createTestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { runScenario } from './run-scenario';
import { SMOKE_SCENARIO } from './scenarios';
import { finalLine, formatScore } from './score-risk';

const run = await postgresAvailableOrSkip();

/**
 * The risk engine end to end on a small labelled fleet: simulator → MQTT → ingest →
 * PostgreSQL → RiskService → at-risk list, scored against the labels. CI fails below 0.9.
 */
describe.runIf(run)('risk evaluation (smoke scenario, end to end)', () => {
  it(
    'finds the labelled causes with precision and recall of at least 0.9',
    { timeout: 600_000 },
    async () => {
      const test = await createTestDatabase('postgres');
      try {
        const { score } = await runScenario(SMOKE_SCENARIO, test.database);
        console.log([...formatScore(score), finalLine(score), ...score.mistakes].join('\n'));
        expect(score.precision).toBeGreaterThanOrEqual(0.9);
        expect(score.recall).toBeGreaterThanOrEqual(0.9);
        expect(score.perCause.length).toBeGreaterThanOrEqual(5);
      } finally {
        await test.drop();
      }
    },
  );
});

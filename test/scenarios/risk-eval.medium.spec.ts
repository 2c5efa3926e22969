import { describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../apps/api/src/storage/testing/require-postgres';
import { createTestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { runScenario } from './run-scenario';
import { SMOKE_SCENARIO } from './scenarios';
import { finalLine, formatScore } from './score-risk';

const run = await postgresAvailableOrSkip();

/**
 * The smoke fleet is judged at fixed moments of the shops' week, so the gate does not
 * change with the hour or day CI happens to run: the latest Wednesday at 14:00 China time
 * (06:00 UTC), trading, and at 02:00 China time (Tuesday 18:00 UTC), closed, when a
 * fault that shows only while trading cannot have shown yet (observableCauses).
 */
function latestWednesdayAt(chinaHour: number): number {
  const at = new Date();
  at.setUTCHours(6, 0, 0, 0);
  const daysBack = (at.getUTCDay() - 3 + 7) % 7;
  let t = at.getTime() - daysBack * 86_400_000 + (chinaHour - 14) * 3_600_000;
  while (t > Date.now()) t -= 7 * 86_400_000;
  return t;
}

/**
 * The risk engine end to end on a small labelled fleet: simulator → MQTT → ingest →
 * PostgreSQL → RiskService → at-risk list, scored against the labels. CI fails below 0.9.
 */
describe.runIf(run)('risk evaluation (smoke scenario, end to end)', () => {
  it.each([
    ['Wednesday 14:00 China time', 14],
    ['Wednesday 02:00 China time', 2],
  ])(
    'finds the labelled causes with precision and recall of at least 0.9, judged on %s',
    { timeout: 600_000 },
    async (_moment, chinaHour) => {
      const test = await createTestDatabase('postgres');
      try {
        const { score } = await runScenario(
          SMOKE_SCENARIO,
          test.database,
          undefined,
          latestWednesdayAt(chinaHour),
        );
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

import { createTestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { runScenario } from './run-scenario';
import { SCENARIOS } from './scenarios';
import { finalLine, formatScore, poolScores } from './score-risk';

/**
 * npm run eval:risk [-- --database embedded|postgres] [--scenario name] [--verbose]
 * Every labelled scenario end to end through the real pipeline, then per-cause precision,
 * recall and lead time, and one final line. Exits non-zero below 0.9 precision or recall.
 */
const THRESHOLD = 0.9;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const kind = arg('database') ?? 'embedded';
  if (kind !== 'embedded' && kind !== 'postgres')
    throw new Error(`--database must be embedded or postgres, not ${kind}`);
  const only = arg('scenario');
  const scenarios = SCENARIOS.filter((s) => only === undefined || s.name === only);
  if (scenarios.length === 0)
    throw new Error(`no scenario named ${only}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const verbose = process.argv.includes('--verbose');
  const results = [];
  for (const scenario of scenarios) {
    const test = await createTestDatabase(kind);
    try {
      const result = await runScenario(scenario, test.database, (line) => console.log(line));
      results.push(result);
      console.log(
        `${scenario.name} (${scenario.size} terminals, seed ${scenario.seed}): precision ${result.score.precision.toFixed(3)} recall ${result.score.recall.toFixed(3)}; incidents: ${result.incidents.join(', ') || 'none'}`,
      );
      if (verbose) for (const m of result.score.mistakes) console.log(`  ${m}`);
    } finally {
      await test.drop();
    }
  }
  const pooled = poolScores(results.map((r) => r.score));
  for (const line of formatScore(pooled)) console.log(line);
  console.log(finalLine(pooled));
  if (pooled.precision < THRESHOLD || pooled.recall < THRESHOLD) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`eval:risk failed: ${(error as Error).message}`);
  process.exitCode = 1;
});

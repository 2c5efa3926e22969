import { percentile } from '../web/stats';
import { startBenchPlatform } from '../web/bench-platform';
import { runInSlices } from '../../../apps/api/src/risk/sweep-schedule';
import { syntheticFleet } from '../risk/synthetic-fleet';
import { firstJsonLine, spawnTsChild } from './node-child';

export interface SweepLatencyOptions {
  /** A PostgreSQL database the platform may migrate and use (the bench's own). */
  databaseUrl: string;
  terminals?: number;
  /** How long HTTP is measured in each phase. */
  durationMs?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

/** What the dashboard asks most: the at-risk list, a database read and a JSON answer. */
const PATH = '/terminals/at-risk?limit=50';

/**
 * HTTP p99 of the real platform while a 100k-terminal sweep runs back to back: on its own
 * event loop (the single process: the sweep runs in slices between requests) and off it
 * (the risk role's own process sweeping beside an HTTP-only process, the cluster layout).
 * `idleMs`, with no sweep at all, is what the machine's own load leaves.
 */
export async function measureSweepHttpP99(
  options: SweepLatencyOptions,
): Promise<{ onLoopMs: number; offLoopMs: number; idleMs: number }> {
  const { terminals = 100_000, durationMs = 20_000, concurrency = 4, log = () => undefined } = options;
  const bench = await startBenchPlatform(options.databaseUrl);
  try {
    const measure = async () => {
      const load = spawnTsChild('http-load-child.ts', [
        `${bench.api}${PATH}`,
        bench.token,
        String(concurrency),
        String(durationMs),
      ]);
      const { latenciesMs } = await firstJsonLine<{ latenciesMs: number[] }>(load);
      return percentile(
        [...latenciesMs].sort((a, b) => a - b),
        99,
      );
    };

    // The floor on this machine: no sweep anywhere, the same load.
    const idleMs = await measure();
    log(`no sweep: p99 ${idleMs.toFixed(1)} ms; building ${terminals} terminals in the HTTP process`);
    let now = Date.now();
    const fleet = syntheticFleet(terminals, now);
    fleet.sweep(now);
    let sweeping = true;
    const onLoop = (async () => {
      while (sweeping) {
        now += 5000;
        await runInSlices(fleet.sweepSteps(now));
      }
    })();
    const onLoopMs = await measure();
    sweeping = false;
    await onLoop;
    fleet.terminals.clear();
    log(`on the loop: p99 ${onLoopMs.toFixed(1)} ms; starting the risk process`);

    const sweeper = spawnTsChild('sweeper-child.ts', [String(terminals)]);
    try {
      await firstJsonLine(sweeper);
      const offLoopMs = await measure();
      log(`off the loop: p99 ${offLoopMs.toFixed(1)} ms`);
      return { onLoopMs, offLoopMs, idleMs };
    } finally {
      sweeper.kill('SIGKILL');
    }
  } finally {
    await bench.stop();
  }
}

import { runInSlices } from '../../../apps/api/src/risk/sweep-schedule';
import { syntheticFleet } from '../risk/synthetic-fleet';

/**
 * The risk role's own process, for the bench: builds a synthetic fleet of argv[2] terminals,
 * says {"ready":true}, then sweeps it back to back (the live engine sweeps every 5 s; a 100k
 * sweep takes about that long) until it is killed.
 */
async function sweepForever(size: number): Promise<void> {
  let now = Date.now();
  const fleet = syntheticFleet(size, now);
  fleet.sweep(now); // warm-up, as the engine's first sweep after its load
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  for (;;) {
    now += 5000;
    await runInSlices(fleet.sweepSteps(now));
  }
}

void sweepForever(Number(process.argv[process.argv.length - 1]));

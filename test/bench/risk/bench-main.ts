import { performance } from 'node:perf_hooks';
import { heartbeatMessage, syntheticFleet } from './synthetic-fleet';

/**
 * npm run bench:risk — the risk engine's two hot paths on this machine, over compact
 * histories generated in memory (a week per terminal, as the live service keeps them):
 * a full sweep (every detector on every terminal, then fleet incidents) and the
 * incremental path (one message folded in and its terminal re-assessed), in CPU time.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TERMINALS = env('BENCH_TERMINALS', 100_000);
const SWEEPS = env('BENCH_SWEEPS', 3);
const UPDATES = env('BENCH_UPDATES', 20_000);
const SWEEP_LIMIT_MS = 5000;
const UPDATE_LIMIT_MS = 5;

function main(): void {
  const now = Date.parse('2026-03-04T12:00:00Z');
  const built = performance.now();
  const fleet = syntheticFleet(TERMINALS, now);
  console.log(`built ${TERMINALS} histories in ${Math.round(performance.now() - built)} ms`);

  fleet.sweep(now); // warm-up: JIT, first trims and compaction
  const sweeps: number[] = [];
  let atRisk = 0;
  for (let i = 1; i <= SWEEPS; i++) {
    const started = performance.now();
    fleet.sweep(now + i * 5000);
    sweeps.push(performance.now() - started);
  }
  for (const id of fleet.terminals.keys()) if ((fleet.assessment(id)?.riskScore ?? 0) > 0) atRisk++;
  const sweepMs = Math.max(...sweeps);

  const ids = [...fleet.terminals.keys()];
  const start = now + SWEEPS * 5000;
  const cpu = process.cpuUsage();
  for (let i = 0; i < UPDATES; i++) {
    const id = ids[(i * 7919) % ids.length]!;
    const t = start + i;
    fleet.assess(fleet.apply([heartbeatMessage(id, t)]), t);
  }
  const used = process.cpuUsage(cpu);
  const perMessage = (used.user + used.system) / 1000 / UPDATES;

  console.log(
    `sweeps: ${sweeps.map((ms) => Math.round(ms)).join(', ')} ms; ${atRisk} terminals at risk; ${fleet.incidents.length} incidents`,
  );
  console.log(
    `risk: sweep ${Math.round(sweepMs)} ms for ${TERMINALS} terminals, incremental ${perMessage.toFixed(3)} ms/message`,
  );
  if (sweepMs > SWEEP_LIMIT_MS || perMessage > UPDATE_LIMIT_MS) {
    console.error(`over budget: sweep ≤ ${SWEEP_LIMIT_MS} ms, incremental ≤ ${UPDATE_LIMIT_MS} ms/message`);
    process.exitCode = 1;
  }
}

main();

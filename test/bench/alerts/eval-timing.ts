import { performance } from 'node:perf_hooks';
import type { AlertEngine } from '../../../apps/api/src/alerts/alert-engine';

/**
 * Wall time of `samples` evaluations of the alert rules over the current risk picture
 * (signals, rules, shop hours, whatever they write). Each timed run is queued right behind
 * a first one, so it does not include waiting for the engine's own runs.
 */
export async function timeEvaluations(engine: AlertEngine, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    await engine.evaluate();
    const started = performance.now();
    await engine.evaluate();
    times.push(performance.now() - started);
  }
  return times;
}

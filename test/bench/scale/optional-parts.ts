import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The parts of bench:scale that the risk-partition work provides (issue #15): the time for
 * a risk partition to fail over, and HTTP p99 during a 100k sweep on and off the event
 * loop. Loaded when their files are in this folder; until then their figures are `n/a`.
 */
export type MeasureFailover = (options: {
  databaseUrl: string;
  mqttUrl: string;
  log?: (line: string) => void;
}) => Promise<{ seconds: number }>;
export type MeasureSweepHttpP99 = (options: {
  databaseUrl: string;
  log?: (line: string) => void;
}) => Promise<{ onLoopMs: number; offLoopMs: number }>;

export const measureFailover = load<MeasureFailover>('failover.ts', 'measureFailover');
export const measureSweepHttpP99 = load<MeasureSweepHttpP99>('sweep-latency.ts', 'measureSweepHttpP99');

function load<T>(file: string, name: string): T | undefined {
  const path = join(__dirname, file);
  // A runtime require: the files are absent from this branch, so they cannot be imported.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return existsSync(path) ? ((require(path) as Record<string, T>)[name] as T) : undefined;
}

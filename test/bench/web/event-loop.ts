import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { RiskService } from '../../../apps/api/src/risk/risk.service';
import type { BenchPlatform } from './bench-platform';

/**
 * The platform runs in this process, so how long its event loop was blocked shows directly
 * why a request waited: every HTTP answer, static file and socket push shares that loop.
 */
export class EventLoopWatch {
  private histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  /** Delay stats since the last call (ms), then starts afresh. */
  lap(): string {
    const h = this.histogram;
    const line = `event loop delay p50 ${(h.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms, max ${(h.max / 1e6).toFixed(0)} ms`;
    h.reset();
    return line;
  }

  stop(): void {
    this.histogram.disable();
  }
}

/** Times full risk sweeps (every terminal re-assessed; the platform runs one every 5 s). */
export async function timeRiskSweeps(platform: BenchPlatform, runs: number): Promise<number[]> {
  const risk = platform.platform.app.get(RiskService);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await risk.sweep();
    times.push(performance.now() - started);
  }
  return times;
}

import type { BenchPlatform } from './bench-platform';
import { timedGet } from './http-latency';

/**
 * The risk engine scores the seeded fleet itself after start-up (load, sweep, batched
 * writes). Waits until the API shows every terminal and the seeded at-risk share, and
 * checks the at-risk list through GET /terminals/at-risk, before anything is measured.
 */
export async function waitForRiskEngine(
  platform: BenchPlatform,
  terminals: number,
  expectedAtRisk: number,
  log: (line: string) => void,
  timeoutMs = 180_000,
): Promise<void> {
  const started = Date.now();
  let last = '';
  for (;;) {
    const summary = JSON.parse((await timedGet(platform.api, platform.token, '/fleet/summary')).body) as {
      total: number;
      online: number;
      atRisk: number;
      atRiskByCause: Record<string, number>;
    };
    last = `total ${summary.total}, online ${summary.online}, at risk ${summary.atRisk} ${JSON.stringify(summary.atRiskByCause)}`;
    if (summary.total === terminals && summary.atRisk >= expectedAtRisk) {
      if (summary.atRisk > expectedAtRisk * 1.05) throw new Error(`more terminals at risk than seeded: ${last}`);
      break;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`risk engine did not score the fleet within ${timeoutMs / 1000} s: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  log(`check: /fleet/summary after ${((Date.now() - started) / 1000).toFixed(1)} s: ${last}`);
  const list = JSON.parse((await timedGet(platform.api, platform.token, '/terminals/at-risk?limit=5000')).body) as {
    items: Array<{ terminalId: string; riskScore: number; causes: Array<{ code: string }> }>;
  };
  const top = list.items[0];
  log(`check: /terminals/at-risk?limit=5000 lists ${list.items.length}; top ${top?.terminalId} score ${top?.riskScore} (${top?.causes.map((c) => c.code).join(', ')})`);
  if (list.items.length < Math.min(expectedAtRisk, 5000)) throw new Error(`the at-risk list holds ${list.items.length}, expected ${Math.min(expectedAtRisk, 5000)}`);
}

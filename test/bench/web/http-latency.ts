import { summarize, type Summary } from './stats';

export interface LatencyPlan {
  sequential: number;
  concurrent: number;
  concurrency: number;
}

export interface LatencyResult {
  sequential: Summary;
  concurrent: Summary;
  /** Both together: what the target is judged on. */
  all: Summary;
  bytes: number;
}

/** One authenticated GET, timed until its whole body has arrived; a non-200 answer throws. */
export async function timedGet(api: string, token: string, path: string): Promise<{ ms: number; bytes: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 200)}`);
  return { ms, bytes: body.length, body };
}

/**
 * N requests one after another (the latency a single user sees), then N more in waves of
 * `concurrency` at once (several support agents, plus the dashboard's own parallel calls).
 * `pathFor(i)` picks the path of request i, e.g. a different terminal each time.
 */
export async function measureLatency(
  api: string,
  token: string,
  pathFor: (i: number) => string,
  plan: LatencyPlan,
): Promise<LatencyResult> {
  // Warm-up: first-call costs (plans, JIT, connection) are not what the targets are about.
  for (let i = 0; i < 3; i++) await timedGet(api, token, pathFor(i));
  const sequential: number[] = [];
  let bytes = 0;
  for (let i = 0; i < plan.sequential; i++) {
    const reply = await timedGet(api, token, pathFor(i));
    sequential.push(reply.ms);
    bytes = reply.bytes;
  }
  const concurrent: number[] = [];
  for (let i = 0; i < plan.concurrent; i += plan.concurrency) {
    const wave = Array.from({ length: Math.min(plan.concurrency, plan.concurrent - i) }, (_, k) =>
      timedGet(api, token, pathFor(plan.sequential + i + k)),
    );
    for (const reply of await Promise.all(wave)) concurrent.push(reply.ms);
  }
  return {
    sequential: summarize(sequential),
    concurrent: summarize(concurrent),
    all: summarize([...sequential, ...concurrent]),
    bytes,
  };
}

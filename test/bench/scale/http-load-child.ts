/**
 * HTTP load from its own process (so its timing is not held up by the loop it measures):
 * argv: url, bearer token, concurrency, duration ms. Prints {"latenciesMs":[...]} when done.
 */
async function load(url: string, token: string, concurrency: number, durationMs: number): Promise<void> {
  const latencies: number[] = [];
  const until = Date.now() + durationMs;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  process.stdout.write(`${JSON.stringify({ latenciesMs: latencies })}\n`);
}

const [url, token, concurrency, durationMs] = process.argv.slice(-4);
void load(url!, token!, Number(concurrency), Number(durationMs));

/**
 * The frame every in-process benchmark runs in: `run` registers what must be undone
 * (databases, servers, the platform) as it goes; whatever happens, those run in reverse
 * after it, within the time limit. A failure of the bench itself prints `<name>: bench
 * failed` with the stack and exits 2, so it is never mistaken for a missed target (1).
 */
export async function runBench<T>(
  name: string,
  timeoutMs: number,
  run: (cleanups: Array<() => Promise<void>>) => Promise<T>,
): Promise<T> {
  const cleanups: Array<() => Promise<void>> = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    timer.unref();
  });
  let results: { value: T } | undefined;
  let failure: unknown;
  try {
    results = { value: await Promise.race([run(cleanups), timeout]) };
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error(`cleanup failed: ${(error as Error).message}`));
    }
  }
  if (!results) {
    console.error(`${name}: bench failed: ${(failure as Error)?.stack ?? String(failure)}`);
    process.exit(2);
  }
  return results.value;
}

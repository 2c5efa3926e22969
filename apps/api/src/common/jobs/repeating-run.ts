/**
 * Runs `run` now and then every `intervalMs`, one run at a time (a slow run makes the next
 * tick skip, never overlap); failures go to `onError`, not up. stop() waits for a run in
 * progress, so a database can close cleanly after it.
 */
export function startRepeating(
  run: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: Error) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = run()
      .catch((error: unknown) => onError(error as Error))
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

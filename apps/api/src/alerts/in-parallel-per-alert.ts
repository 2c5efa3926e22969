/**
 * Runs `work` over `items` with at most `limit` at a time, keeping the items of one alert
 * (same `idOf`) in their order, one after another. Waits for everything started, then
 * rethrows the first failure, so nothing is still writing when the caller recovers.
 */
export async function inParallelPerAlert<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const byAlert = new Map<string, T[]>();
  for (const item of items) {
    const id = idOf(item);
    const list = byAlert.get(id);
    if (list) list.push(item);
    else byAlert.set(id, [item]);
  }
  const queue = [...byAlert.values()];
  const failures: unknown[] = [];
  const lane = async () => {
    for (let group = queue.shift(); group !== undefined; group = queue.shift()) {
      try {
        for (const item of group) await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, lane));
  if (failures.length > 0) throw failures[0];
}

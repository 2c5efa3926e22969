// Keyed by the ids column, which live patches keep, so each fetched map builds its lookup once.
const cache = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/** The position of each id in a columnar view's `ids`, built once per ids array. */
export function indexById(ids: readonly string[]): ReadonlyMap<string, number> {
  let byId = cache.get(ids);
  if (!byId) {
    byId = new Map(ids.map((id, i) => [id, i]));
    cache.set(ids, byId);
  }
  return byId;
}

const DAY_MS = 86_400_000;

/**
 * Which rollup buckets cover [from, to): daily buckets (UTC days, as time_bucket cuts them)
 * for the whole days inside, hourly buckets for the edges. A local midnight in a zone with a
 * whole-hour offset falls on an hourly bucket, so the sums are exact there.
 */
export function rollupRanges(from: Date, to: Date): { daily?: [Date, Date]; hourly: Array<[Date, Date]> } {
  const firstDay = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const lastDay = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  if (firstDay >= lastDay) return { hourly: from < to ? [[from, to]] : [] };
  const hourly: Array<[Date, Date]> = [];
  if (from.getTime() < firstDay) hourly.push([from, new Date(firstDay)]);
  if (lastDay < to.getTime()) hourly.push([new Date(lastDay), to]);
  return { daily: [new Date(firstDay), new Date(lastDay)], hourly };
}

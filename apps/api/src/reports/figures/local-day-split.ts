import { addDays, localMidnightOf } from '../period/zoned-time';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

/**
 * One UTC day (a daily bucket) and where its hours go: `[partFrom, partTo)`, read from hourly
 * buckets, belongs to local day `partDay`; the rest of the day (daily minus that part) to
 * `restDay`. The part is the shorter side of the local midnight falling in the UTC day.
 */
export interface UtcDaySplit {
  bucket: Date;
  partFrom: Date;
  partTo: Date;
  partDay: string;
  restDay: string;
}

/**
 * How the local days `[from, to)` of `timeZone` are summed from daily buckets and the few
 * hourly buckets on the short side of each local midnight: a day in Asia/Shanghai is one
 * daily bucket plus eight hours of the next UTC day minus eight of its own, instead of 24
 * hourly buckets. Undefined when some UTC day of the span holds no local midnight or two
 * (a DST change): the caller then reads hourly buckets only.
 */
export function localDaySplits(from: string, to: string, timeZone: string): UtcDaySplit[] | undefined {
  const splits: UtcDaySplit[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const midnight = localMidnightOf(day, timeZone);
    const bucket = Math.floor(midnight / DAY_MS) * DAY_MS;
    const previous = splits[splits.length - 1];
    if (previous && previous.bucket.getTime() + DAY_MS !== bucket) return undefined;
    const before = addDays(day, -1);
    splits.push(
      midnight - bucket <= HALF_DAY_MS
        ? {
            bucket: new Date(bucket),
            partFrom: new Date(bucket),
            partTo: new Date(midnight),
            partDay: before,
            restDay: day,
          }
        : {
            bucket: new Date(bucket),
            partFrom: new Date(midnight),
            partTo: new Date(bucket + DAY_MS),
            partDay: day,
            restDay: before,
          },
    );
  }
  return splits;
}

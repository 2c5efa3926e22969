/**
 * First keys of the two-key advisory locks the cluster takes (pg_try_advisory_lock(int, int)),
 * so its locks never meet another application's on the same server. The second key is the
 * partition, or 0.
 */
export const ADVISORY = {
  /** One per risk partition, held by its lease holder's session. */
  partition: 0x464c_0001,
  /** Held while a process takes free partitions, so two standbys never split them. */
  takeover: 0x464c_0002,
  /** Taken inside each ingest transaction before its change row: change ids commit in order. */
  changeOrder: 0x464c_0003,
} as const;

import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

/** Fixed for the life of an install: the terminal space is leased to risk processes in these. */
export const PARTITION_COUNT = 64;

/** Every partition, 0 … PARTITION_COUNT - 1. */
export const ALL_PARTITIONS: readonly number[] = Array.from({ length: PARTITION_COUNT }, (_, i) => i);

/**
 * A terminal's partition: the first byte of the MD5 of its id, modulo the count. MD5 because
 * PostgreSQL computes the same one (see partitionCondition), so a load can filter in SQL.
 */
export function partitionOf(terminalId: string): number {
  return createHash('md5').update(terminalId).digest()[0]! % PARTITION_COUNT;
}

/** SQL condition: `column` holds a terminal id of one of `partitions` (all: no condition). */
export function partitionCondition(column: string, partitions?: readonly number[]): RawBuilder<boolean> {
  if (partitions === undefined || partitions.length === PARTITION_COUNT) return sql<boolean>`true`;
  const list = `{${partitions.join(',')}}`;
  return sql<boolean>`get_byte(decode(md5(${sql.ref(column)}), 'hex'), 0) % ${PARTITION_COUNT} = any(${list}::int[])`;
}

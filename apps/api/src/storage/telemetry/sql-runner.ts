import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../schema/db-schema';
import { Float8ArrayParam } from './float8-array-param';

export interface RunResult<R> {
  rows: R[];
  /** Rows inserted or updated by an INSERT/UPDATE. */
  affected: number;
}

/** Runs one parameterised statement inside the store's current transaction. */
export type SqlRunner = <R>(text: string, parameters: readonly unknown[]) => Promise<RunResult<R>>;

/** Runs `copy … from stdin` with `text` (COPY text format) as its data. */
export type CopyIn = (sql: string, text: string) => Promise<void>;

/** What the store's transaction can do: statements always, COPY on a server only. */
export interface SqlSession {
  run: SqlRunner;
  copyIn?: CopyIn;
}

/** Through Kysely: the embedded driver, which has no named statements nor binary parameters. */
export function kyselyRunner(db: Kysely<DB>): SqlRunner {
  return async <R>(text: string, parameters: readonly unknown[]) => {
    const values = parameters.map((p) => (p instanceof Float8ArrayParam ? p.toLiteral() : p));
    const { rows, numAffectedRows } = await db.executeQuery<R>(CompiledQuery.raw(text, values));
    return { rows, affected: Number(numAffectedRows ?? 0) };
  };
}

/** Statement names by text: the store's statement texts are few (a few hundred at most) and fixed. */
const names = new Map<string, string>();

/** A name derived from the text, so every connection prepares the same text under the same name. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `fleet_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Named prepared statements on a pg client: each connection parses and plans a text once,
 * later batches only bind and execute (parse/plan of the batch's statements was a
 * sizeable part of the server's time per batch).
 */
export function preparedRunner(client: PoolClient): SqlRunner {
  return async <R>(text: string, parameters: readonly unknown[]) => {
    const result = await client.query<R & object>({
      name: statementName(text),
      text,
      values: [...parameters],
    });
    return { rows: result.rows, affected: result.rowCount ?? 0 };
  };
}

/** COPY on a pg client; resolves once the server has confirmed the copy, rejects with its error. */
export function pgCopyIn(client: PoolClient): CopyIn {
  return async (sql, text) => {
    const stream = client.query(copyFrom(sql));
    stream.end(text);
    await finished(stream);
  };
}

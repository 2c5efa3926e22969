import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../testing/require-postgres';
import { TEST_POSTGRES_URL } from '../testing/test-database';
import { Float8ArrayParam } from './float8-array-param';

const postgresUp = await postgresAvailableOrSkip();

/** What PostgreSQL itself reads from the parameter, element by element (NULL kept). */
describe.skipIf(!postgresUp)('Float8ArrayParam through node-pg', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  const readBack = async (param: Float8ArrayParam) => {
    const { rows } = await client.query<{ value: number | null }>(
      'select x::float8 as value from unnest($1::float8[]) with ordinality as u(x, i) order by i',
      [param],
    );
    return rows.map((r) => (r.value === null ? null : Number(r.value)));
  };

  it('sends epoch milliseconds exactly, in order', async () => {
    const values = [1_795_720_309_940, 0, -1.5, 86_400_000.25];
    expect(await readBack(new Float8ArrayParam(values))).toEqual(values);
  });

  it('turns missing and non-finite values into NULL, as the array literal does', async () => {
    const values = [1, undefined, null, Number.NaN, Number.POSITIVE_INFINITY, 2];
    expect(await readBack(new Float8ArrayParam(values))).toEqual([1, null, null, null, null, 2]);
    expect(new Float8ArrayParam(values).toLiteral()).toBe('{1,NULL,NULL,NULL,NULL,2}');
  });

  it('sends an empty array', async () => {
    const { rows } = await client.query<{ n: number }>('select cardinality($1::float8[]) as n', [
      new Float8ArrayParam([]),
    ]);
    expect(rows[0]?.n).toBe(0);
  });
});

/**
 * One set of result parsers for both drivers, so repositories see the same JS types
 * whichever database runs: counts and sums as numbers, dates as 'YYYY-MM-DD' strings.
 */
export const PG_OID = { int8: 20, numeric: 1700, date: 1082 } as const;

const toNumber = (value: string): number => Number(value);
const asIs = (value: string): string => value;

export const RESULT_PARSERS: Record<number, (value: string) => unknown> = {
  [PG_OID.int8]: toNumber,
  [PG_OID.numeric]: toNumber,
  [PG_OID.date]: asIs,
};

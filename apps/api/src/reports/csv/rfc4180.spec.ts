import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from './rfc4180';

describe('csvLines', () => {
  it('writes CRLF records, empty nulls and numbers as String()', () => {
    expect(
      csvLines([
        ['T1', 12.5, null, 0],
        ['T2', -1, undefined, 1e21],
      ]),
    ).toBe('T1,12.5,,0\r\nT2,-1,,1e+21\r\n');
  });

  it('quotes fields with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvLines([['a,b', 'say "hi"', 'one\ntwo', 'cr\r', 'plain']])).toBe(
      '"a,b","say ""hi""","one\ntwo","cr\r",plain\r\n',
    );
  });

  it('reads back as written', () => {
    const records = [['老王便利店, "朝阳"\n二号店', '', ' x ', '=1+2', '"']];
    expect(parse(csvLines(records), { record_delimiter: '\r\n' })).toEqual(records);
  });
});

/**
 * RFC 4180 lines, hand written: csv-stringify's sync formatter cost ~20 µs a line (option
 * handling and casts per field), seconds for a fleet-wide CSV; this is a regex test and a
 * join. Same output for the report's cells: null empty, numbers as String(), fields holding
 * a comma, quote, CR or LF quoted with quotes doubled, CRLF after every record.
 */
export type CsvCell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** The records as CSV text, each ended by CRLF. */
export function csvLines(records: Iterable<readonly CsvCell[]>): string {
  let out = '';
  for (const record of records) {
    let line = '';
    for (let i = 0; i < record.length; i++) line += (i === 0 ? '' : ',') + field(record[i]);
    out += `${line}\r\n`;
  }
  return out;
}

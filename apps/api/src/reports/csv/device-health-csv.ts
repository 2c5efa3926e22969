import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { FiguredPage } from '../device-health.service';
import { csvHeader, csvRow } from './csv-columns';

/** Excel reads a UTF-8 file as the system code page (GBK in a Chinese locale) without it. */
export const UTF8_BOM = '\uFEFF';

/**
 * Streams one CSV line per terminal (RFC 4180: CRLF, fields with commas, quotes or line
 * breaks quoted) into `out`, page by page: backpressure holds the next page until the
 * client has taken the last, so a fleet-wide month never sits in memory.
 */
export async function writeDeviceHealthCsv(
  pages: AsyncIterable<FiguredPage>,
  locale: ReportLocale,
  out: Writable,
): Promise<void> {
  async function* records() {
    yield csvHeader(locale);
    for await (const page of pages) for (const figures of page.terminals) yield csvRow(figures.health);
  }
  out.write(UTF8_BOM);
  await pipeline(
    Readable.from(records()),
    stringify({ record_delimiter: 'windows', cast: { number: String } }),
    out,
  );
}

import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { FiguredPage } from '../device-health.service';
import { csvHeader, csvRow } from './csv-columns';
import { csvLines } from './rfc4180';

/** Excel reads a UTF-8 file as the system code page (GBK in a Chinese locale) without it. */
export const UTF8_BOM = '\uFEFF';

/**
 * Streams one CSV line per terminal (RFC 4180: CRLF, fields with commas, quotes or line
 * breaks quoted; rfc4180.ts) into `out`, page by page: each page is formatted in one call
 * (a stream step per record cost more than figuring the terminals) and the next is read only
 * when the client has taken the last, so a fleet-wide month never sits in memory. Piped rather
 * than awaiting 'drain' per page: behind the compression middleware, the listeners of each
 * wait stayed on its gzip stream (it forwards `on`, not `removeListener`). A client that goes
 * away ends the pages (their generator returns) and rejects with the premature close.
 */
export async function writeDeviceHealthCsv(
  pages: AsyncIterable<FiguredPage>,
  locale: ReportLocale,
  out: Writable,
): Promise<void> {
  await pipeline(Readable.from(csvChunks(pages, locale), { objectMode: false }), out);
}

async function* csvChunks(pages: AsyncIterable<FiguredPage>, locale: ReportLocale): AsyncGenerator<string> {
  yield UTF8_BOM + csvLines([csvHeader(locale)]);
  for await (const page of pages) yield csvLines(page.terminals.map((figures) => csvRow(figures.health)));
}

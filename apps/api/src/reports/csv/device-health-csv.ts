import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { FiguredPage } from '../device-health.service';
import { csvHeader, csvRow } from './csv-columns';
import { csvLines } from './rfc4180';

/** Excel reads a UTF-8 file as the system code page (GBK in a Chinese locale) without it. */
export const UTF8_BOM = '\uFEFF';

/**
 * Streams one CSV line per terminal (RFC 4180: CRLF, fields with commas, quotes or line
 * breaks quoted; rfc4180.ts) into `out`, page by page: each page is formatted in one call
 * (a stream step per record cost more than figuring the terminals) and the next waits until the
 * client has taken the last, so a fleet-wide month never sits in memory.
 */
export async function writeDeviceHealthCsv(
  pages: AsyncIterable<FiguredPage>,
  locale: ReportLocale,
  out: Writable,
): Promise<void> {
  const write = async (chunk: string) => {
    if (!out.write(chunk)) {
      // Both waits end here: the one that did not fire must not leave its listeners behind.
      const done = new AbortController();
      try {
        await Promise.race([
          once(out, 'drain', { signal: done.signal }),
          once(out, 'close', { signal: done.signal }),
        ]);
      } finally {
        done.abort();
      }
    }
    if (out.destroyed) throw new Error('the client went away');
  };
  await write(UTF8_BOM + csvLines([csvHeader(locale)]));
  for await (const page of pages) {
    await write(csvLines(page.terminals.map((figures) => csvRow(figures.health))));
  }
  out.end();
  await finished(out);
}

import { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import { writeDeviceHealthCsv } from '../csv/device-health-csv';
import { DeviceHealthService } from '../device-health.service';
import { writeDeviceHealthPdf } from '../pdf/device-health-pdf';
import type { ResolvedPeriod } from '../period/report-period';
import type { ReportSelection } from '../reports.repository';

/** What a scheduled report sends and archives: the PDF, and the CSV when asked for. */
export interface ReportFiles {
  pdf: Buffer;
  csv: Buffer | null;
}

/** Collects what a writer writes; a subscriber's report is a few hundred kilobytes. */
async function collect(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  await write(out);
  return Buffer.concat(chunks);
}

/** Renders a scheduled report with the same renderers as `GET /reports/device-health`. */
@Injectable()
export class ReportFilesRenderer {
  constructor(private readonly deviceHealth: DeviceHealthService) {}

  async render(
    selection: ReportSelection,
    period: ResolvedPeriod,
    locale: ReportLocale,
    withCsv: boolean,
  ): Promise<ReportFiles> {
    const report = await this.deviceHealth.report(selection, period);
    const pdf = await collect((out) => writeDeviceHealthPdf(report, locale, out));
    const csv = withCsv
      ? await collect((out) => writeDeviceHealthCsv(this.deviceHealth.pages(selection, period), locale, out))
      : null;
    return { pdf, csv };
  }
}

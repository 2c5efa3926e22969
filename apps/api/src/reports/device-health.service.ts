import { Inject, Injectable } from '@nestjs/common';
import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import {
  type FigurePeriod,
  type PageData,
  type TerminalFigures,
  terminalFigures,
} from './figures/terminal-figures';
import { ReportBuilder } from './figures/report-builder';
import { OutagesRepository } from './outages/outages.repository';
import type { ResolvedPeriod } from './period/report-period';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import {
  type ReportSelection,
  type ReportTerminalRow,
  ReportsRepository,
  type TxnSums,
} from './reports.repository';
import { WORK_ORDER_SOURCE, type WorkOrderSource } from './work-order-source';

/** Terminals read and figured per round trip: bounds memory for a fleet-wide CSV. */
export const REPORT_PAGE_SIZE = 2000;

const groupBy = <T extends { terminalId: string }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.terminalId);
    if (list) list.push(row);
    else map.set(row.terminalId, [row]);
  }
  return map;
};

interface ReadPage {
  rows: ReportTerminalRow[];
  data: PageData & { previousTxn: Map<string, TxnSums> };
}

export interface FiguredPage {
  terminals: TerminalFigures[];
  previousTxn: TxnSums[];
}

/** Figures the device-health report, page by page of terminals, from rollups and latest state. */
@Injectable()
export class DeviceHealthService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly outages: OutagesRepository,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    @Inject(WORK_ORDER_SOURCE) private readonly workOrders: WorkOrderSource,
  ) {}

  now(): number {
    return this.clock();
  }

  /** The whole report (JSON and PDF): a portfolio's terminals are held, one line each. */
  async report(selection: ReportSelection, period: ResolvedPeriod): Promise<DeviceHealthReport> {
    const now = this.clock();
    const builder = new ReportBuilder(period, now);
    // Read beside the pages: it needs only the selection.
    const trend = this.reports.txnByDay(selection, period);
    trend.catch(() => undefined);
    const ids: string[] = [];
    for await (const page of this.pages(selection, period, now)) {
      for (const figures of page.terminals) {
        builder.add(figures);
        ids.push(figures.row.terminalId);
      }
      for (const txn of page.previousTxn) builder.addPrevious(txn);
    }
    const workOrders = await this.workOrders.figures(ids, period.from, period.to, new Date(now));
    return builder.build(await trend, workOrders);
  }

  /**
   * The terminals' figures, a page at a time (CSV streams these without holding the fleet).
   * The next page is read while the current one is figured and written, so the database and
   * this process work side by side; at most two pages are held.
   */
  async *pages(
    selection: ReportSelection,
    period: ResolvedPeriod,
    now = this.clock(),
  ): AsyncGenerator<FiguredPage> {
    const window: FigurePeriod = {
      from: period.from.getTime(),
      to: period.to.getTime(),
      previousFrom: period.previousFrom.getTime(),
      previousTo: period.previousTo.getTime(),
      now,
    };
    let next: Promise<ReadPage | undefined> | undefined = this.readPage(selection, period, '');
    while (next) {
      const page: ReadPage | undefined = await next;
      if (!page) return;
      const { rows, data }: ReadPage = page;
      next =
        rows.length < REPORT_PAGE_SIZE
          ? undefined
          : this.readPage(selection, period, rows[rows.length - 1]!.terminalId);
      // Rejections of the read ahead surface when it is awaited; until then they are not unhandled.
      next?.catch(() => undefined);
      yield {
        terminals: rows.map((row) => terminalFigures(row, data, window)),
        previousTxn: [...data.previousTxn.values()],
      };
    }
  }

  private async readPage(
    selection: ReportSelection,
    period: ResolvedPeriod,
    after: string,
  ): Promise<ReadPage | undefined> {
    const rows = await this.reports.terminalPage(selection, after, REPORT_PAGE_SIZE);
    if (rows.length === 0) return undefined;
    return {
      rows,
      data: await this.pageData(
        rows.map((r) => r.terminalId),
        period,
      ),
    };
  }

  private async pageData(
    ids: string[],
    p: ResolvedPeriod,
  ): Promise<PageData & { previousTxn: Map<string, TxnSums> }> {
    const [outages, alerts, incidents, txn, heard, simUsedMb] = await Promise.all([
      this.outages.overlapping(ids, p.previousFrom, p.to),
      this.reports.alerts(ids, p.previousFrom, p.to),
      this.reports.incidentSpans(ids, p.previousFrom, p.to),
      this.reports.txnSums(ids, p),
      this.reports.heardFrom(ids, p),
      this.reports.simUsedMb(ids, p.from, p.to),
    ]);
    return {
      outages: groupBy(outages),
      alerts: groupBy(alerts),
      incidents: groupBy(incidents),
      txn: txn.current,
      previousTxn: txn.previous,
      heard: heard.current,
      previouslyHeard: heard.previous,
      simUsedMb,
    };
  }
}

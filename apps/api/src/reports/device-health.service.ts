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
import { type ReportSelection, ReportsRepository, type TxnSums } from './reports.repository';
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
    const ids: string[] = [];
    for await (const page of this.pages(selection, period, now)) {
      for (const figures of page.terminals) {
        builder.add(figures);
        ids.push(figures.row.terminalId);
      }
      for (const txn of page.previousTxn) builder.addPrevious(txn);
    }
    const [trend, workOrders] = await Promise.all([
      this.reports.txnByDay(selection, period.from, period.to, period.view.timeZone),
      this.workOrders.figures(ids, period.from, period.to, new Date(now)),
    ]);
    return builder.build(trend, workOrders);
  }

  /** The terminals' figures, a page at a time (CSV streams these without holding the fleet). */
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
    let after = '';
    for (;;) {
      const rows = await this.reports.terminalPage(selection, after, REPORT_PAGE_SIZE);
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.terminalId);
      const data = await this.pageData(ids, period);
      yield {
        terminals: rows.map((row) => terminalFigures(row, data, window)),
        previousTxn: [...data.previousTxn.values()],
      };
      if (rows.length < REPORT_PAGE_SIZE) return;
      after = ids[ids.length - 1]!;
    }
  }

  private async pageData(
    ids: string[],
    p: ResolvedPeriod,
  ): Promise<PageData & { previousTxn: Map<string, TxnSums> }> {
    const [outages, alerts, incidents, txn, previousTxn, heartbeats, previousHeartbeats, simUsedMb] =
      await Promise.all([
        this.outages.overlapping(ids, p.previousFrom, p.to),
        this.reports.alerts(ids, p.previousFrom, p.to),
        this.reports.incidentSpans(ids, p.previousFrom, p.to),
        this.reports.txnSums(ids, p.from, p.to),
        this.reports.txnSums(ids, p.previousFrom, p.previousTo),
        this.reports.heartbeatCounts(ids, p.from, p.to),
        this.reports.heartbeatCounts(ids, p.previousFrom, p.previousTo),
        this.reports.simUsedMb(ids, p.from, p.to),
      ]);
    return {
      outages: groupBy(outages),
      alerts: groupBy(alerts),
      incidents: groupBy(incidents),
      txn,
      previousTxn,
      heartbeats,
      previousHeartbeats,
      simUsedMb,
    };
  }
}

import type { ShopHours } from '@fleet/telemetry/api/muting';
import type { TerminalHealth } from '@fleet/telemetry/api/reports';
import type { StoredOutage } from '../outages/outages.repository';
import type { IncidentSpanRow, ReportAlertRow, ReportTerminalRow, TxnSums } from '../reports.repository';
import { type Interval, openingIntervals } from './opening-hours';
import type { CauseWindow } from './outage-cause';
import { minutes, type OutageLoss, terminalAvailability } from './terminal-availability';

/** One terminal's figures, with what the report's sections and recommendations need besides. */
export interface TerminalFigures {
  health: TerminalHealth;
  row: ReportTerminalRow;
  losses: OutageLoss[];
  /** Alerts opened in the period. */
  alerts: ReportAlertRow[];
  incidents: IncidentSpanRow[];
  dataPerDayMb: number;
  openMs: number;
  onlineMs: number;
  previousOpenMs: number;
  previousOnlineMs: number;
}

/** Everything read for one page of terminals. */
export interface PageData {
  outages: Map<string, StoredOutage[]>;
  alerts: Map<string, ReportAlertRow[]>;
  incidents: Map<string, IncidentSpanRow[]>;
  txn: Map<string, TxnSums>;
  /** Terminals with a heartbeat in the period, and in the previous one. */
  heard: Set<string>;
  previouslyHeard: Set<string>;
  simUsedMb: Map<string, number>;
}

export interface FigurePeriod {
  from: number;
  to: number;
  previousFrom: number;
  previousTo: number;
  now: number;
}

const NO_TXN: TxnSums = { approved: 0, declined: 0, timeouts: 0, reversals: 0 };

const alertWindows = (alerts: readonly ReportAlertRow[]): CauseWindow[] =>
  alerts.map((a) => ({ code: a.code, from: a.openedAt.getTime(), to: a.resolvedAt?.getTime() ?? null }));
const incidentWindows = (spans: readonly IncidentSpanRow[]): CauseWindow[] =>
  spans.map((s) => ({
    code: s.code,
    from: s.startedAt.getTime(),
    to: s.endedAt?.getTime() ?? null,
    incidentId: s.incidentId,
  }));

/**
 * Opening intervals by shop hours and window: most terminals share a few shop hours, so a
 * page (and the fleet) builds each set once instead of once per terminal and period.
 */
const openingMemo = new Map<string, Interval[]>();
const OPENING_MEMO_LIMIT = 1000;

function openingOf(hours: ShopHours | null, from: number, to: number): readonly Interval[] {
  const key = `${hours?.open ?? ''}-${hours?.close ?? ''}@${from}-${to}`;
  let intervals = openingMemo.get(key);
  if (!intervals) {
    if (openingMemo.size >= OPENING_MEMO_LIMIT) openingMemo.clear();
    intervals = openingIntervals(hours, from, to);
    openingMemo.set(key, intervals);
  }
  return intervals;
}

function availabilityIn(
  row: ReportTerminalRow,
  data: PageData,
  from: number,
  to: number,
  now: number,
  heard: boolean,
) {
  const outages = (data.outages.get(row.terminalId) ?? []).filter(
    (o) => o.startedAt.getTime() < to && (o.endedAt === null || o.endedAt.getTime() > from),
  );
  const result = terminalAvailability({
    opening: openingOf(row.shopHours, from, to),
    outages,
    alerts: alertWindows(data.alerts.get(row.terminalId) ?? []),
    incidents: incidentWindows(data.incidents.get(row.terminalId) ?? []),
    from,
    now: Math.min(now, to),
  });
  // Never heard from and never down: nothing is known of it.
  const known = heard || outages.length > 0;
  return { ...result, availability: known ? result.availability : null, known };
}

/** A terminal's report line from its page's data. */
export function terminalFigures(
  row: ReportTerminalRow,
  data: PageData,
  period: FigurePeriod,
): TerminalFigures {
  const id = row.terminalId;
  const current = availabilityIn(row, data, period.from, period.to, period.now, data.heard.has(id));
  const previous = availabilityIn(
    row,
    data,
    period.previousFrom,
    period.previousTo,
    period.now,
    data.previouslyHeard.has(id),
  );
  const txn = data.txn.get(id) ?? NO_TXN;
  const alerts = (data.alerts.get(id) ?? []).filter(
    (a) => a.openedAt.getTime() >= period.from && a.openedAt.getTime() < period.to,
  );
  const usedMb = data.simUsedMb.get(id) ?? null;
  const elapsedDays = Math.max((Math.min(period.now, period.to) - period.from) / 86_400_000, 1 / 24);
  const faultMs = current.losses.filter((l) => l.kind === 'device').reduce((s, l) => s + l.lostMs, 0);
  return {
    row,
    losses: current.losses,
    alerts,
    incidents: data.incidents.get(id) ?? [],
    dataPerDayMb: (usedMb ?? 0) / elapsedDays,
    openMs: current.known ? current.openMs : 0,
    onlineMs: current.known ? current.onlineMs : 0,
    previousOpenMs: previous.known ? previous.openMs : 0,
    previousOnlineMs: previous.known ? previous.onlineMs : 0,
    health: {
      terminalId: id,
      merchantId: row.merchantId,
      merchantName: row.merchantName,
      model: row.model,
      comm: row.comm,
      openMinutes: minutes(current.openMs),
      onlineMinutes: minutes(current.onlineMs),
      availability: current.availability,
      previousAvailability: previous.availability,
      outages: current.outages,
      faultMinutes: minutes(faultMs),
      ...txn,
      dataUsedMb: usedMb,
      dataBalanceMb: typeof row.sim?.dataBalanceMb === 'number' ? row.sim.dataBalanceMb : null,
      simExpiresAt: typeof row.sim?.expiresAt === 'string' ? row.sim.expiresAt : null,
      alerts: alerts.length,
    },
  };
}

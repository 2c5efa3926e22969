import type { DeviceHealthReport, LossCause, WorkOrderFigures } from '@fleet/telemetry/api/reports';
import type { ResolvedPeriod } from '../period/report-period';
import type { IncidentSpanRow, TxnDayRow } from '../reports.repository';
import { AlertTally } from './alert-figures';
import { minutes } from './terminal-availability';
import type { TerminalFigures } from './terminal-figures';
import { recommend } from './recommendations';

const DAY_MS = 86_400_000;
const TOP = 10;

const share = (online: number, open: number) => (open > 0 ? online / open : null);
const rate = (t: { approved: number; declined: number; timeouts: number }) => {
  const attempts = t.approved + t.declined + t.timeouts;
  return attempts > 0 ? t.timeouts / attempts : null;
};

interface CauseTally {
  kind: 'device' | 'incident' | 'shutdown';
  outages: number;
  terminals: Set<string>;
  lostMs: number;
}

/** Folds terminal figures, one at a time, into the whole report. */
export class ReportBuilder {
  private readonly terminals: TerminalFigures[] = [];
  private readonly alerts = new AlertTally();
  private readonly causes = new Map<LossCause, CauseTally>();
  private readonly incidentLoss = new Map<string, { terminals: Set<string>; lostMs: number }>();
  private readonly incidentSpans = new Map<string, IncidentSpanRow>();
  private readonly previousTxn = { approved: 0, declined: 0, timeouts: 0 };

  constructor(
    private readonly period: ResolvedPeriod,
    private readonly now: number,
  ) {}

  add(figures: TerminalFigures): void {
    this.terminals.push(figures);
    const id = figures.row.terminalId;
    for (const alert of figures.alerts) this.alerts.add(alert, this.now);
    for (const loss of figures.losses) {
      const tally = this.causes.get(loss.cause) ?? {
        kind: loss.kind,
        outages: 0,
        terminals: new Set(),
        lostMs: 0,
      };
      this.causes.set(loss.cause, tally);
      tally.outages++;
      tally.terminals.add(id);
      tally.lostMs += loss.lostMs;
      if (loss.incidentId) {
        const incident = this.incidentLoss.get(loss.incidentId) ?? { terminals: new Set(), lostMs: 0 };
        this.incidentLoss.set(loss.incidentId, incident);
        incident.terminals.add(id);
        incident.lostMs += loss.lostMs;
      }
    }
    for (const span of figures.incidents) {
      if (span.startedAt < this.period.to && (span.endedAt === null || span.endedAt > this.period.from))
        this.incidentSpans.set(span.incidentId, span);
    }
  }

  /** Transactions of the previous period, for the failure-rate trend. */
  addPrevious(txn: { approved: number; declined: number; timeouts: number }): void {
    this.previousTxn.approved += txn.approved;
    this.previousTxn.declined += txn.declined;
    this.previousTxn.timeouts += txn.timeouts;
  }

  build(trend: TxnDayRow[], workOrders: WorkOrderFigures | null): DeviceHealthReport {
    const t = this.terminals;
    const sum = (pick: (f: TerminalFigures) => number) => t.reduce((s, f) => s + pick(f), 0);
    const open = sum((f) => f.openMs);
    const online = sum((f) => f.onlineMs);
    const previous = share(
      sum((f) => f.previousOnlineMs),
      sum((f) => f.previousOpenMs),
    );
    const txn = {
      approved: sum((f) => f.health.approved),
      declined: sum((f) => f.health.declined),
      timeouts: sum((f) => f.health.timeouts),
      reversals: sum((f) => f.health.reversals),
    };
    const sim = this.sim();
    const offenders = this.repeatOffenders();
    const paperCounts = this.eventCounts('PAPER_OUT');
    const powerCounts = this.eventCounts('POWER');
    const incidentTerminals = new Set([...this.incidentLoss.values()].flatMap((i) => [...i.terminals]));
    const incidentMs = [...this.incidentLoss.values()].reduce((s, i) => s + i.lostMs, 0);
    const overall = share(online, open);
    return {
      period: this.period.view,
      generatedAt: new Date(this.now).toISOString(),
      availability: {
        overall,
        previous,
        openHours: open / 3_600_000,
        lostHours: (open - online) / 3_600_000,
      },
      merchants: this.merchants(),
      terminals: t.map((f) => f.health),
      failures: [...this.causes.entries()]
        .map(([cause, c]) => ({
          cause,
          kind: c.kind,
          outages: c.outages,
          terminals: c.terminals.size,
          lostMinutes: minutes(c.lostMs),
        }))
        .sort((a, b) => b.lostMinutes - a.lostMinutes || a.cause.localeCompare(b.cause)),
      incidents: [...this.incidentSpans.values()]
        .map((s) => ({
          id: s.incidentId,
          code: s.code,
          startedAt: s.startedAt.toISOString(),
          endedAt: s.endedAt?.toISOString() ?? null,
          region: s.region,
          mccMnc: s.mccMnc,
          terminals: this.incidentLoss.get(s.incidentId)?.terminals.size ?? 0,
          lostMinutes: minutes(this.incidentLoss.get(s.incidentId)?.lostMs ?? 0),
        }))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
      transactions: {
        ...txn,
        failureRate: rate(txn),
        previousFailureRate: rate(this.previousTxn),
        trend: trend.map((d) => ({ ...d, failureRate: rate(d) })),
      },
      sim,
      paper: paperCounts.figures,
      power: powerCounts.figures,
      alerts: this.alerts.figures(),
      workOrders,
      repeatOffenders: offenders,
      recommendations: recommend({
        weak2g: t.filter((f) => this.weak2g(f)).map((f) => f.row.terminalId),
        expiring: sim.expiringIn30Days.map((p) => ({ terminalId: p.terminalId, expiresAt: p.expiresAt })),
        runningDry: sim.topUsers
          .filter((u) => u.daysLeft !== null && u.daysLeft <= 30)
          .map((u) => u.terminalId),
        commModule: offenders.filter((o) => o.mainCause === 'COMM_MODULE_FAULT').map((o) => o.terminalId),
        paper: paperCounts.repeated,
        power: powerCounts.terminals,
        availability: overall,
        previousAvailability: previous,
        incidentTerminals: [...incidentTerminals].sort(),
        incidentMinutes: minutes(incidentMs),
      }),
    };
  }

  private weak2g(f: TerminalFigures): boolean {
    if (f.row.comm !== '2g') return false;
    const csq = f.row.signal?.csq;
    return (
      (typeof csq === 'number' && csq !== 99 && csq < 10) || f.alerts.some((a) => a.code === 'WEAK_SIGNAL')
    );
  }

  private merchants(): DeviceHealthReport['merchants'] {
    const by = new Map<string, { f: TerminalFigures[] }>();
    for (const f of this.terminals) {
      const key = f.row.merchantId ?? '';
      const entry = by.get(key) ?? { f: [] };
      by.set(key, entry);
      entry.f.push(f);
    }
    return [...by.values()].map(({ f }) => {
      const add = (pick: (x: TerminalFigures) => number) => f.reduce((s, x) => s + pick(x), 0);
      return {
        merchantId: f[0]!.row.merchantId,
        merchantName: f[0]!.row.merchantName,
        terminals: f.length,
        availability: share(
          add((x) => x.onlineMs),
          add((x) => x.openMs),
        ),
        previousAvailability: share(
          add((x) => x.previousOnlineMs),
          add((x) => x.previousOpenMs),
        ),
      };
    });
  }

  private sim(): DeviceHealthReport['sim'] {
    const plans = (days: number) =>
      this.terminals
        .filter((f) => {
          const at = f.health.simExpiresAt ? Date.parse(f.health.simExpiresAt) : NaN;
          return at >= this.now && at < this.now + days * DAY_MS;
        })
        .map((f) => ({
          terminalId: f.row.terminalId,
          merchantName: f.row.merchantName,
          iccid: typeof f.row.sim?.iccid === 'string' ? f.row.sim.iccid : null,
          expiresAt: f.health.simExpiresAt!,
        }))
        .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    const users = this.terminals
      .filter((f) => (f.health.dataUsedMb ?? 0) > 0)
      .map((f) => ({
        terminalId: f.row.terminalId,
        merchantName: f.row.merchantName,
        usedMb: f.health.dataUsedMb!,
        perDayMb: f.dataPerDayMb,
        forecast30dMb: f.dataPerDayMb * 30,
        balanceMb: f.health.dataBalanceMb,
        daysLeft:
          f.health.dataBalanceMb !== null && f.dataPerDayMb > 0
            ? f.health.dataBalanceMb / f.dataPerDayMb
            : null,
      }));
    const runningDry = users.filter((u) => u.daysLeft !== null && u.daysLeft <= 30);
    const top = [...users].sort((a, b) => b.usedMb - a.usedMb).slice(0, TOP);
    return {
      usedMb: users.reduce((s, u) => s + u.usedMb, 0),
      forecast30dMb: users.reduce((s, u) => s + u.forecast30dMb, 0),
      topUsers: [...top, ...runningDry.filter((u) => !top.includes(u))],
      expiringIn30Days: plans(30),
      expiringIn60Days: plans(60),
    };
  }

  private eventCounts(code: 'PAPER_OUT' | 'POWER') {
    const perTerminal = new Map<string, number>();
    let openMs = 0;
    const end = Math.min(this.now, this.period.to.getTime());
    for (const f of this.terminals) {
      for (const a of f.alerts.filter((x) => x.code === code)) {
        perTerminal.set(f.row.terminalId, (perTerminal.get(f.row.terminalId) ?? 0) + 1);
        openMs += Math.max(0, Math.min(a.resolvedAt?.getTime() ?? end, end) - a.openedAt.getTime());
      }
    }
    return {
      figures: {
        alerts: [...perTerminal.values()].reduce((s, n) => s + n, 0),
        terminals: perTerminal.size,
        hoursOpen: Math.round((openMs / 3_600_000) * 10) / 10,
      },
      terminals: [...perTerminal.keys()].sort(),
      repeated: [...perTerminal.entries()]
        .filter(([, n]) => n >= 2)
        .map(([id]) => id)
        .sort(),
    };
  }

  private repeatOffenders(): DeviceHealthReport['repeatOffenders'] {
    return this.terminals
      .map((f) => {
        const device = f.losses.filter((l) => l.kind === 'device');
        const counts = new Map<LossCause, number>();
        for (const l of device) counts.set(l.cause, (counts.get(l.cause) ?? 0) + 1);
        for (const a of f.alerts) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
        const main = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
        return { f, device, main: main?.[0] ?? null };
      })
      .filter(({ device, f }) => device.length >= 2 || f.alerts.length >= 3)
      .sort((a, b) => b.device.length - a.device.length || b.f.health.faultMinutes - a.f.health.faultMinutes)
      .slice(0, TOP)
      .map(({ f, device, main }) => ({
        terminalId: f.row.terminalId,
        merchantName: f.row.merchantName,
        outages: device.length,
        alerts: f.alerts.length,
        faultMinutes: f.health.faultMinutes,
        mainCause: main,
      }));
  }
}

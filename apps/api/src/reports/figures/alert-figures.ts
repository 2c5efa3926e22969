import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import type { CauseCode } from '@fleet/telemetry/causes';
import type { ReportAlertRow } from '../reports.repository';

const MIN = 60_000;

/** Service targets per severity: minutes to acknowledge and to resolve. */
export const ALERT_SLA: Record<AlertSeverity, { ackMin: number; resolveMin: number }> = {
  critical: { ackMin: 15, resolveMin: 4 * 60 },
  major: { ackMin: 60, resolveMin: 24 * 60 },
  minor: { ackMin: 4 * 60, resolveMin: 72 * 60 },
  warning: { ackMin: 24 * 60, resolveMin: 7 * 24 * 60 },
};

interface Tally {
  count: number;
  ackMs: number[];
  resolveMs: number[];
  slaMet: number;
  slaDue: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((a, b) => a + b, 0) / values.length / MIN) * 10) / 10;

/**
 * Alerts opened in the period, with mean times to acknowledge and resolve. An alert is due
 * for its SLA once resolved or once its resolve target has passed; it met it when it was
 * acknowledged (or resolved, which answers it too) and resolved within the targets.
 */
export class AlertTally {
  private readonly byCode = new Map<CauseCode, Tally>();

  add(alert: ReportAlertRow, now: number): void {
    const tally = this.byCode.get(alert.code) ?? { count: 0, ackMs: [], resolveMs: [], slaMet: 0, slaDue: 0 };
    this.byCode.set(alert.code, tally);
    tally.count++;
    const opened = alert.openedAt.getTime();
    const answered = alert.acknowledgedAt ?? alert.resolvedAt;
    if (alert.acknowledgedAt) tally.ackMs.push(alert.acknowledgedAt.getTime() - opened);
    if (alert.resolvedAt) tally.resolveMs.push(alert.resolvedAt.getTime() - opened);
    const sla = ALERT_SLA[alert.severity];
    const resolveBy = opened + sla.resolveMin * MIN;
    if (alert.resolvedAt === null && now < resolveBy) return;
    tally.slaDue++;
    const ackInTime = answered !== null && answered.getTime() - opened <= sla.ackMin * MIN;
    const resolvedInTime = alert.resolvedAt !== null && alert.resolvedAt.getTime() <= resolveBy;
    if (ackInTime && resolvedInTime) tally.slaMet++;
  }

  figures(): DeviceHealthReport['alerts'] {
    const all = [...this.byCode.values()];
    return {
      total: all.reduce((s, t) => s + t.count, 0),
      meanAckMinutes: mean(all.flatMap((t) => t.ackMs)),
      meanResolveMinutes: mean(all.flatMap((t) => t.resolveMs)),
      slaMet: all.reduce((s, t) => s + t.slaMet, 0),
      slaDue: all.reduce((s, t) => s + t.slaDue, 0),
      byCode: [...this.byCode.entries()]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([code, t]) => ({
          code,
          count: t.count,
          meanAckMinutes: mean(t.ackMs),
          meanResolveMinutes: mean(t.resolveMs),
          slaMet: t.slaMet,
          slaDue: t.slaDue,
        })),
    };
  }
}

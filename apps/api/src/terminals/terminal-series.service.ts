import { Injectable } from '@nestjs/common';
import type { SeriesRange, TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import type { CauseView } from '@fleet/telemetry/api/terminals';
import type { Scope } from '../auth/scope/scope';
import { NotFoundError } from '../common/errors/domain-error';
import { SeriesRepository, type SeriesWindow } from '../storage/repositories/series.repository';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';

const HOUR_S = 3600;

/** Range → window length and bucket size: a few hundred points per chart at most. */
const RANGES: Record<SeriesRange, { hours: number; bucketSeconds: number; fromRollups: boolean }> = {
  '24h': { hours: 24, bucketSeconds: 15 * 60, fromRollups: false },
  '7d': { hours: 7 * 24, bucketSeconds: HOUR_S, fromRollups: true },
  '30d': { hours: 30 * 24, bucketSeconds: 4 * HOUR_S, fromRollups: true },
};

const iso = (d: Date) => d.toISOString();

@Injectable()
export class TerminalSeriesService {
  constructor(
    private readonly terminals: TerminalsRepository,
    private readonly series: SeriesRepository,
  ) {}

  async get(
    terminalId: string,
    range: SeriesRange,
    scope: Scope,
    now = Date.now(),
  ): Promise<TerminalSeriesView> {
    const state = await this.terminals.findState(terminalId, scope);
    if (!state) throw new NotFoundError(`terminal ${terminalId} not found`);
    const spec = RANGES[range];
    const to = new Date(now);
    const window: SeriesWindow = {
      terminalId,
      from: new Date(now - spec.hours * HOUR_S * 1000),
      to,
      bucketSeconds: spec.bucketSeconds,
      fromRollups: spec.fromRollups,
    };
    const [signal, sim, txn, heartbeats, status, paper, events] = await Promise.all([
      this.series.signal(window),
      this.series.simBalance(window),
      this.series.txn(window),
      this.series.heartbeats(window),
      this.series.statuses(window),
      this.series.paperChanges(window),
      this.series.events(window),
    ]);
    const causes = state.causes as CauseView[];
    const exhaustion = causes.find((c) => c.code === 'SIM_DATA_EXHAUSTION');
    const expiresAt = state.sim?.['expiresAt'];
    return {
      terminalId,
      range,
      bucketSeconds: spec.bucketSeconds,
      from: iso(window.from),
      to: iso(window.to),
      signal: signal.map((p) => ({
        t: iso(p.t),
        rsrpDbm: num(p.rsrp_dbm),
        rsrqDb: num(p.rsrq_db),
        sinrDb: num(p.sinr_db),
        csq: num(p.csq),
        rssiDbm: num(p.rssi_dbm),
        wifiRssiDbm: num(p.wifi_rssi_dbm),
      })),
      sim: sim.map((p) => ({ t: iso(p.t), dataBalanceMb: num(p.balance_mb) })),
      txn: txn.map((p) => ({
        t: iso(p.t),
        approved: p.approved,
        declined: p.declined,
        timeouts: p.timeouts,
        reversals: p.reversals,
        commErrors: p.comm_errors,
      })),
      heartbeats: heartbeats.map((p) => ({ t: iso(p.t), count: p.count })),
      status: status.map((p) => ({ t: iso(p.t), online: p.online, reason: p.reason })),
      paper: paper.map((p) => ({ t: iso(p.t), status: p.status })),
      events: events.map((p) => ({ t: iso(p.t), code: p.code, detail: p.detail })),
      forecast: {
        simZeroAt: exhaustion?.predictedAt ?? null,
        simExpiresAt: typeof expiresAt === 'string' ? expiresAt : null,
      },
    };
  }
}

/** Averages come back as numeric text or float; charts want numbers rounded to 0.1. */
function num(value: number | string | null): number | null {
  if (value === null) return null;
  return Math.round(Number(value) * 10) / 10;
}

import { startRepeating } from '../../common/jobs/repeating-run';
import { foldOutages } from './fold-outages';
import type { OutagesRepository } from './outages.repository';

export interface OutageJobOptions {
  /** Rows received this recently may still be in an uncommitted batch; fold them next run. */
  settleMs?: number;
  log?: (line: string) => void;
}

/**
 * Keeps `terminal_outages` current: folds newly received status changes into outages (late
 * and out-of-order ones refold the terminal from the outage they fall in) and ends open
 * outages at the first heartbeat after them. One run at a time across processes: the
 * watermark row is locked for the run.
 */
export class OutageJob {
  private repeating: { stop(): Promise<void> } | undefined;

  constructor(
    private readonly outages: OutagesRepository,
    private readonly options: OutageJobOptions = {},
  ) {}

  async runOnce(now: Date = new Date()): Promise<{ terminals: number; closed: number }> {
    const to = new Date(now.getTime() - (this.options.settleMs ?? 30_000));
    return this.outages.transaction(async (trx) => {
      const from = await this.outages.lockWatermark(trx);
      let terminals = 0;
      if (from < to) {
        const touched = await this.outages.touched(trx, from, to);
        for (const terminal of touched) {
          const folded = foldOutages(await this.outages.statusSince(trx, terminal));
          const ended = [];
          for (const outage of folded) {
            const heard = await this.outages.firstHeartbeatAfter(trx, terminal.terminalId, outage.startedAt);
            const ends = [outage.endedByStatus, heard].filter((d): d is Date => d !== null);
            ended.push({ ...outage, endedAt: ends.length ? new Date(Math.min(...ends.map(Number))) : null });
          }
          await this.outages.replaceSince(trx, terminal, ended);
        }
        terminals = touched.length;
        await this.outages.saveWatermark(trx, to);
      }
      const closed = await this.outages.closeByHeartbeats(trx);
      return { terminals, closed };
    });
  }

  /** Runs now and then every intervalMs; failures are logged, not thrown. */
  start(intervalMs = 60_000): void {
    this.repeating ??= startRepeating(
      () => this.runOnce(),
      intervalMs,
      (error) => this.options.log?.(`outages: run failed: ${error.message}`),
    );
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
    this.repeating = undefined;
  }
}

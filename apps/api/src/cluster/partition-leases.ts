import { EventEmitter } from 'node:events';
import { ADVISORY } from './advisory-keys';
import type { ClusterSession } from './cluster-session';
import { ALL_PARTITIONS, partitionOf } from './terminal-partition';

export type LeaseEvents = { taken: [partitions: number[]]; lost: [partitions: number[]] };

/**
 * Which risk partitions this process holds. Only the holder of a terminal's partition keeps
 * its history and writes its scores; `taken` asks for histories to be rebuilt from the
 * database, `lost` for them to be dropped.
 */
export interface PartitionLeases extends EventEmitter<LeaseEvents> {
  held(): ReadonlySet<number>;
  holdsTerminal(terminalId: string): boolean;
  start(): void;
  stop(): Promise<void>;
}

/** The single process of `npm start`: every partition, from the start. */
export class AllPartitions extends EventEmitter<LeaseEvents> implements PartitionLeases {
  private readonly all = new Set(ALL_PARTITIONS);

  held(): ReadonlySet<number> {
    return this.all;
  }

  holdsTerminal(): boolean {
    return true;
  }

  start(): void {
    this.emit('taken', [...ALL_PARTITIONS]);
  }

  async stop(): Promise<void> {}
}

/** A process of a cluster without the risk role: it judges no terminal. */
export class NoPartitions extends EventEmitter<LeaseEvents> implements PartitionLeases {
  private readonly none = new Set<number>();

  held(): ReadonlySet<number> {
    return this.none;
  }

  holdsTerminal(): boolean {
    return false;
  }

  start(): void {}

  async stop(): Promise<void> {}
}

/**
 * Leases as PostgreSQL advisory locks on the process's cluster session: a process that dies
 * (even kill -9) loses its connection and with it every lock, so no heartbeat or expiry is
 * needed. Every `checkMs` a process takes whatever partitions are free, under a takeover
 * lock so two standbys never split them: the first takes all, the next stays on standby.
 * Alert evaluation and incident detection need the fleet-wide view, so one process holds
 * every partition and the others stand by (see README, "Several processes").
 */
export class AdvisoryPartitionLeases extends EventEmitter<LeaseEvents> implements PartitionLeases {
  private readonly mine = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  /** Counts session losses: locks taken in a pass that saw one are gone already. */
  private losses = 0;

  constructor(
    private readonly session: ClusterSession,
    private readonly checkMs: number,
    private readonly log: (line: string) => void,
  ) {
    super();
    session.on('lost', () => this.loseAll());
  }

  held(): ReadonlySet<number> {
    return this.mine;
  }

  holdsTerminal(terminalId: string): boolean {
    return this.mine.has(partitionOf(terminalId));
  }

  start(): void {
    const tick = () => {
      this.pass ??= this.takeFree()
        .catch((error: unknown) => this.log(`cluster: taking partitions failed: ${(error as Error).message}`))
        .finally(() => (this.pass = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
    // Closing the session releases the locks; emitting first lets holders stop writing.
    this.loseAll();
  }

  /**
   * All or nothing, stopping at the first partition another session holds: a holder that died
   * mid-scan may leave some locked a moment longer, and taking the rest would split the fleet
   * with whoever takes those; the next pass gets them all.
   */
  private async takeFree(): Promise<void> {
    if (this.mine.size === ALL_PARTITIONS.length) return;
    if (!(await this.session.tryLock(ADVISORY.takeover, 0))) return;
    const losses = this.losses;
    const taken: number[] = [];
    try {
      for (const p of ALL_PARTITIONS) {
        if (this.mine.has(p)) continue;
        if (!(await this.session.tryLock(ADVISORY.partition, p))) {
          for (const t of taken) await this.session.unlock(ADVISORY.partition, t);
          return;
        }
        taken.push(p);
      }
    } finally {
      await this.session.unlock(ADVISORY.takeover, 0).catch(() => undefined);
    }
    if (losses !== this.losses) return; // the session went, and these locks with it
    for (const p of taken) this.mine.add(p);
    this.log(`cluster: took ${taken.length} risk partitions (holding ${this.mine.size})`);
    this.emit('taken', taken);
  }

  private loseAll(): void {
    this.losses += 1;
    if (this.mine.size === 0) return;
    const lost = [...this.mine];
    this.mine.clear();
    this.emit('lost', lost);
  }
}

export const PARTITION_LEASES = Symbol('PARTITION_LEASES');

import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { TERMINAL_CHANGE_RELAY, type TerminalChangeRelay } from '../cluster/terminal-change-relay';
import { IngestService } from '../ingest/ingest.service';
import { RiskService } from '../risk/risk.service';
import { LiveRepository, type TerminalChangeRow } from '../storage/repositories/live.repository';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { ChangeBuffer } from './change-buffer';

/** Changes are batched: a state change reaches an open page within about this long. */
export const PUSH_INTERVAL_MS = 300;

export type TerminalChangeListener = (rows: readonly TerminalChangeRow[]) => void;

/**
 * One read of the terminals that changed, shared by everything that follows them (socket
 * pushes, the map snapshot): ids from committed messages and risk re-assessments are
 * collected for PUSH_INTERVAL_MS, then their current rows are read once. Imports are read
 * at once instead: whoever imported expects the next read of the map to show them.
 */
@Injectable()
export class TerminalChangeFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TerminalChangeFeed');
  private readonly buffer = new ChangeBuffer<true>(PUSH_INTERVAL_MS, (items) => {
    const ids = [...items.keys()];
    // The other processes of a cluster learn of changes made here (their map snapshots).
    this.relay?.announce(ids);
    void this.read(ids);
  });
  private readonly listeners = new Set<TerminalChangeListener>();
  private readonly unsubscribers: Array<() => void> = [];
  private readonly immediateReads = new Set<Promise<void>>();

  constructor(
    private readonly ingest: IngestService,
    private readonly risk: RiskService,
    private readonly terminals: TerminalsRepository,
    @Inject(LiveRepository) private readonly repository: LiveRepository,
    @Optional() @Inject(TERMINAL_CHANGE_RELAY) private readonly relay?: TerminalChangeRelay | null,
  ) {}

  onApplicationBootstrap(): void {
    const add = (ids: Iterable<string>) => {
      for (const id of ids) this.buffer.add(id, true);
    };
    this.unsubscribers.push(
      this.ingest.onCommitted((batch) => add(batch.messages.map((m) => m.terminalId))),
      this.risk.onChanged((event) =>
        add([...event.changed.map((item) => item.terminalId), ...event.removed]),
      ),
      this.terminals.onImported((ids) => {
        this.relay?.announce(ids);
        this.readNow(ids);
      }),
    );
  }

  /**
   * Terminals another process of the cluster changed. Only for what this process keeps in
   * memory (the map snapshot): the sockets already had the change from the process that made
   * it, through the Redis adapter.
   */
  onChangedElsewhere(listener: (terminalIds: string[]) => void): () => void {
    return this.relay?.onChanged(listener) ?? (() => undefined);
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.buffer.stop();
  }

  onChanged(listener: TerminalChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current rows of these terminals, read now (for callers that must not wait for the buffer). */
  rows(terminalIds: readonly string[]): Promise<TerminalChangeRow[]> {
    return this.repository.changes(terminalIds);
  }

  /** Resolves once every change read at once (imports) has reached the listeners. */
  async settled(): Promise<void> {
    await Promise.all(this.immediateReads);
  }

  private readNow(terminalIds: readonly string[]): void {
    const reading = this.read([...terminalIds]).finally(() => this.immediateReads.delete(reading));
    this.immediateReads.add(reading);
  }

  private async read(terminalIds: string[]): Promise<void> {
    try {
      const rows = await this.repository.changes(terminalIds);
      for (const listener of this.listeners) listener(rows);
    } catch (error) {
      this.logger.error(`reading changed terminals failed: ${(error as Error).message}`);
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { WorkOrderChange } from '@fleet/telemetry/api/work-orders';

export type WorkOrderChangeListener = (change: WorkOrderChange) => void;

/** In-process feed of every committed work-order change: for the live socket. */
@Injectable()
export class WorkOrderEvents {
  private readonly logger = new Logger('WorkOrderEvents');
  private readonly listeners = new Set<WorkOrderChangeListener>();

  onChanged(listener: WorkOrderChangeListener): () => void {
    const entry: WorkOrderChangeListener = (change) => listener(change);
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  emit(change: WorkOrderChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(`a work-order listener failed: ${(error as Error).message}`);
      }
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { AlertChange } from '@fleet/telemetry/api/alerts';

export type AlertChangeListener = (change: AlertChange) => void;

/**
 * In-process feed of every alert change, after it was committed: for the live socket and
 * the notifications. A failing listener is logged and never disturbs the others.
 */
@Injectable()
export class AlertEvents {
  private readonly logger = new Logger('AlertEvents');
  private readonly listeners = new Set<AlertChangeListener>();

  /** Subscribes; returns the unsubscribe. */
  onChanged(listener: AlertChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: AlertChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(`an alert listener failed: ${(error as Error).message}`);
      }
    }
  }
}

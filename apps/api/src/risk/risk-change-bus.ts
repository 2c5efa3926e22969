import { Logger } from '@nestjs/common';
import type { AtRiskItem } from '@fleet/telemetry/api/risk';

/** What changed after an update or a sweep, for the live socket. */
export interface RiskChangeEvent {
  /** New or changed assessments (a terminal that became healthy comes with no causes). */
  changed: AtRiskItem[];
  /** Terminals that left the at-risk list. */
  removed: string[];
}
export type RiskChangeListener = (event: RiskChangeEvent) => void;

/** Hands each risk change to the in-process listeners (socket, map, alerts); one failing listener spares the rest. */
export class RiskChangeBus {
  private readonly logger = new Logger('Risk');
  private readonly listeners = new Set<RiskChangeListener>();

  /** Subscribes; returns the unsubscribe. */
  subscribe(listener: RiskChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: RiskChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`a risk listener failed: ${(error as Error).message}`);
      }
    }
  }
}

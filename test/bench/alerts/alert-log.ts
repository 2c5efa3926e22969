import type { AlertView } from '@fleet/telemetry/api/alerts';
import type { AlertEvents } from '../../../apps/api/src/alerts/alert-events';

/** Every alert the engine opened during the run, as the AlertEvents feed told it. */
export class AlertLog {
  readonly opened = new Map<string, AlertView>();
  private readonly waiters: Array<{ done: () => boolean; resolve: () => void }> = [];
  private readonly off: () => void;

  constructor(events: AlertEvents) {
    this.off = events.onChanged((change) => {
      if (change.kind !== 'opened' && change.kind !== 'reopened') return;
      this.opened.set(change.alert.id, change.alert);
      for (const waiter of this.waiters.filter((w) => w.done())) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  }

  /** Resolves once `done` holds over the opened alerts (checked after each opening). */
  until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ done, resolve }));
  }

  ofCode(code: string): AlertView[] {
    return [...this.opened.values()].filter((alert) => alert.code === code);
  }

  close(): void {
    this.off();
  }
}

/** How the scheduled-report pass runs (replaced by tests). */
export interface ScheduledReportOptions {
  /** How often the pass looks for due reports. */
  intervalMs: number;
  /** How long a claim holds a report before another process may take it over (its maker died). */
  leaseMs: number;
  /** Start the pass with the app; tests that drive runOnce themselves turn it off. */
  autoStart: boolean;
}

export const DEFAULT_SCHEDULED_REPORT_OPTIONS: ScheduledReportOptions = {
  intervalMs: 60_000,
  leaseMs: 10 * 60_000,
  autoStart: true,
};

export const SCHEDULED_REPORT_OPTIONS = Symbol('SCHEDULED_REPORT_OPTIONS');

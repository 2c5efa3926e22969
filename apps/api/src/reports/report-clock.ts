/** Milliseconds since the epoch; the reports' one clock, replaced by tests. */
export type ReportClock = () => number;
export const REPORT_CLOCK = Symbol('REPORT_CLOCK');

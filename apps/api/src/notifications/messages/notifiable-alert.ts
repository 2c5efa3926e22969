import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { EvidenceData } from '@fleet/telemetry/api/risk';
import type { CauseCode } from '@fleet/telemetry/causes';

export type { AlertSeverity };

/** What happened to the alert that this notification tells about. */
/** `reminder` and `escalated`: still open and not acknowledged (the escalation policy). */
export type AlertChange = 'opened' | 'reopened' | 'acknowledged' | 'resolved' | 'reminder' | 'escalated';

/**
 * An alert as notifications need it: the alerts module maps its own rows to this, so
 * delivery depends on nothing there. Texts (evidence, action) come in English from the
 * risk engine; the messages say them in the recipient's language (the evidence from
 * `evidenceData`, as the dashboard does).
 */
export interface NotifiableAlert {
  id: string;
  change: AlertChange;
  /** When the change happened; with id and change it names this notice (idempotency). */
  changedAt: Date;
  code: CauseCode;
  severity: AlertSeverity;
  terminalId?: string;
  incidentId?: string;
  /** The numbers in words (the cause's `evidence`), in English. */
  evidence: string;
  /** The numbers themselves, worded in each recipient's language; absent on older alerts. */
  evidenceData?: EvidenceData;
  recommendedAction: string;
  merchantName?: string;
  region?: string;
  openedAt: Date;
  state: 'open' | 'acknowledged' | 'resolved';
  /** Who acknowledged or resolved it, and their note or reason. */
  actor?: string;
  note?: string;
  /** How many times the cause came back (reopened alerts). */
  occurrences?: number;
}

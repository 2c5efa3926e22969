import type { EvidenceData, RiskCauseView } from '@fleet/telemetry/api/risk';
import { summarizeCauses } from '@fleet/telemetry/risk/assess';
import type { Cause } from '@fleet/telemetry/risk/cause';

/** A cause as the API, the socket and terminal_latest.causes show it (ISO times). */
export function toCauseView(cause: Cause): RiskCauseView {
  const view: RiskCauseView = { code: cause.code, evidence: cause.evidence, score: cause.score };
  if (cause.predictedAt !== undefined && Number.isFinite(cause.predictedAt)) {
    view.predictedAt = new Date(cause.predictedAt).toISOString();
  }
  const evidenceData = plainEvidenceData(cause.evidenceData);
  if (evidenceData !== undefined) view.evidenceData = evidenceData;
  const incidentId = cause.evidenceData.incidentId;
  if (typeof incidentId === 'string') view.incidentId = incidentId;
  return view;
}

/**
 * Strings and finite numbers only: JSON turns NaN and Infinity into null, which clients
 * would then have to guess about, and an unset key spread from an object is no value at all.
 */
function plainEvidenceData(data: Cause['evidenceData']): EvidenceData | undefined {
  let plain: EvidenceData | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      (plain ??= {})[key] = value;
    }
  }
  return plain;
}

/** The action the engine recommends for stored causes (same rule as when they were assessed). */
export function recommendedActionFor(causes: readonly RiskCauseView[]): string {
  return summarizeCauses(
    causes.map((c) => ({
      code: c.code,
      score: c.score ?? 0,
      evidence: c.evidence,
      evidenceData: {},
      predictedAt: c.predictedAt === undefined ? undefined : Date.parse(c.predictedAt),
    })),
  ).recommendedAction;
}

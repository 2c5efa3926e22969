import type { CauseCode } from '../causes';
import { paperOutEvidence, powerEvidence } from './device-evidence';
import { EvidenceContext, type EvidenceCause, type EvidenceLanguage } from './evidence-context';
import { MissingEvidence } from './evidence-reader';
import { carrierOutageEvidence, hostMaintenanceEvidence } from './incident-evidence';
import { commModuleFaultEvidence, lineFaultEvidence } from './link-evidence';
import { offlineEvidence } from './offline-evidence';
import { weakSignalEvidence } from './signal-evidence';
import { simDataExhaustionEvidence, simExpiryEvidence } from './sim-evidence';

const SENTENCES: Record<CauseCode, (c: EvidenceContext) => string> = {
  SIM_DATA_EXHAUSTION: simDataExhaustionEvidence,
  SIM_EXPIRY: simExpiryEvidence,
  WEAK_SIGNAL: weakSignalEvidence,
  OFFLINE: offlineEvidence,
  COMM_MODULE_FAULT: commModuleFaultEvidence,
  LINE_FAULT: lineFaultEvidence,
  PAPER_OUT: paperOutEvidence,
  POWER: powerEvidence,
  CARRIER_OUTAGE: carrierOutageEvidence,
  HOST_MAINTENANCE: hostMaintenanceEvidence,
};

/**
 * A cause's evidence in the chosen language, worded from its evidenceData. Causes stored
 * before evidenceData was carried, or lacking a value the sentence needs, show the
 * server's English text rather than a sentence with a hole in it.
 */
export function evidenceInWords(
  language: EvidenceLanguage,
  cause: EvidenceCause,
  now: number,
  timeZone?: string,
): string {
  const sentence = Object.hasOwn(SENTENCES, cause.code) ? SENTENCES[cause.code] : undefined;
  if (sentence === undefined || cause.evidenceData === undefined) return cause.evidence;
  try {
    return sentence(new EvidenceContext(language, cause, now, timeZone));
  } catch (error) {
    if (error instanceof MissingEvidence) return cause.evidence;
    throw error;
  }
}

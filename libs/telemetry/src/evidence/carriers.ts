import type { EvidenceKey } from './evidence-texts';

/** Mainland China MCC-MNC codes and the operator each belongs to (ITU E.212 list). */
const OPERATORS: Record<string, EvidenceKey> = {
  '46000': 'carrier.mobile',
  '46002': 'carrier.mobile',
  '46004': 'carrier.mobile',
  '46007': 'carrier.mobile',
  '46008': 'carrier.mobile',
  '46001': 'carrier.unicom',
  '46006': 'carrier.unicom',
  '46009': 'carrier.unicom',
  '46003': 'carrier.telecom',
  '46005': 'carrier.telecom',
  '46011': 'carrier.telecom',
  '46015': 'carrier.broadnet',
};

export function carrierKey(mccMnc: string): EvidenceKey | undefined {
  return OPERATORS[mccMnc];
}

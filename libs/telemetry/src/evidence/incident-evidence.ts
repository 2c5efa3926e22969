import { carrierKey } from './carriers';
import type { EvidenceContext } from './evidence-context';

/** CARRIER_OUTAGE: one of many terminals of a carrier or area that went offline together. */
export function carrierOutageEvidence(c: EvidenceContext): string {
  const n = c.number(c.data.number('terminalCount'));
  const date = c.dateTime(c.forecast());
  const carrier = carrierLabel(c, c.data.optionalText('mccMnc')) ?? c.data.optionalText('carrier');
  const region = c.data.optionalText('region');
  const where: string[] = [];
  if (carrier !== undefined) where.push(c.t('evidence.where.carrier', { carrier }));
  if (region !== undefined) where.push(c.t('evidence.where.region', { region }));
  return where.length === 0
    ? c.t('evidence.CARRIER_OUTAGE', { n, date })
    : c.t('evidence.CARRIER_OUTAGE.where', { n, date, where: c.list(where) });
}

/** HOST_MAINTENANCE: one of many terminals, across carriers, whose payment host stopped answering. */
export function hostMaintenanceEvidence(c: EvidenceContext): string {
  const n = c.number(c.data.number('terminalCount'));
  return c.t('evidence.HOST_MAINTENANCE', { n, date: c.dateTime(c.forecast()) });
}

/** "46000 · China Mobile": the code agents search by, and the operator they know. */
function carrierLabel(c: EvidenceContext, mccMnc: string | undefined): string | undefined {
  if (mccMnc === undefined) return undefined;
  const key = carrierKey(mccMnc);
  return key === undefined ? mccMnc : `${mccMnc} · ${c.t(key)}`;
}

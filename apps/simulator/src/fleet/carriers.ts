/** Mobile carriers and their network codes (MCC 460 = China). */
export interface Carrier {
  name: string;
  mccMnc: string;
  /** ICCID issuer prefix (89 86 + issuer digits). */
  iccidPrefix: string;
  weight: number;
}

export const CARRIERS: readonly Carrier[] = [
  { name: 'China Mobile', mccMnc: '46000', iccidPrefix: '898600', weight: 40 },
  { name: 'China Mobile', mccMnc: '46002', iccidPrefix: '898602', weight: 15 },
  { name: 'China Unicom', mccMnc: '46001', iccidPrefix: '898601', weight: 28 },
  { name: 'China Telecom', mccMnc: '46011', iccidPrefix: '898611', weight: 17 },
];

/** SIM data plans sold for payment terminals, in MB per month. */
export const DATA_PLANS_MB: readonly (readonly [number, number])[] = [
  [300, 2],
  [500, 4],
  [1024, 3],
  [2048, 1],
];

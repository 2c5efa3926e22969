import type { CommType } from '@fleet/telemetry/protocol/messages';
import type { TsFormat } from '../time';

/** Terminal models in the field: which links they have, whether they run on battery, and their firmware. */
export interface TerminalModel {
  name: string;
  comms: readonly CommType[];
  hasBattery: boolean;
  firmware: readonly string[];
  /** How this firmware family writes `ts`. */
  tsFormat: TsFormat;
}

export const MODELS: readonly TerminalModel[] = [
  { name: 'PAX A920', comms: ['4g', 'wifi'], hasBattery: true, firmware: ['PayDroid 8.1.2', 'PayDroid 8.1.5'], tsFormat: 'iso+08:00' },
  { name: 'PAX S920', comms: ['4g', '2g', 'wifi'], hasBattery: true, firmware: ['Prolin 2.4.71', 'Prolin 2.4.80'], tsFormat: 'epochMs' },
  { name: 'Newland ME31', comms: ['4g', '2g'], hasBattery: true, firmware: ['NLOS 3.2.0', 'NLOS 3.2.4'], tsFormat: 'epochMs' },
  { name: 'Landi A8', comms: ['4g', 'wifi', 'ethernet'], hasBattery: true, firmware: ['LandiOS 5.0.3'], tsFormat: 'isoZ' },
  { name: 'Centerm K9', comms: ['ethernet', 'dialup', 'wifi'], hasBattery: false, firmware: ['CTOS 1.9.2', 'CTOS 1.9.7'], tsFormat: 'iso+08:00' },
  { name: 'Verifone VX520', comms: ['dialup', 'ethernet', '2g'], hasBattery: false, firmware: ['VOS 2.3.1'], tsFormat: 'epochMs' },
];

/** Share of the fleet by link type: mostly 4G, some 2G, Wi-Fi and Ethernet, a few dial-up. */
export const COMM_MIX: readonly (readonly [CommType, number])[] = [
  ['4g', 62],
  ['2g', 12],
  ['wifi', 10],
  ['ethernet', 11],
  ['dialup', 5],
];

export const MOBILE_COMMS: readonly CommType[] = ['4g', '3g', '2g', 'nbiot'];
export function isMobile(comm: CommType): boolean {
  return MOBILE_COMMS.includes(comm);
}

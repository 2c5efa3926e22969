/** The one vocabulary of failure causes (shared/PROTOCOL.md §3). */

export const CAUSE_CODES = [
  'SIM_DATA_EXHAUSTION',
  'SIM_EXPIRY',
  'WEAK_SIGNAL',
  'OFFLINE',
  'COMM_MODULE_FAULT',
  'LINE_FAULT',
  'PAPER_OUT',
  'POWER',
  'CARRIER_OUTAGE',
  'HOST_MAINTENANCE',
] as const;
export type CauseCode = (typeof CAUSE_CODES)[number];

/** Whether a cause is fixed remotely or by the merchant, or needs a visit. */
export type ActionKind = 'remote' | 'merchant' | 'dispatch' | 'incident';

export const CAUSE_ACTIONS: Record<CauseCode, { action: string; kind: ActionKind }> = {
  SIM_DATA_EXHAUSTION: { action: 'Top up the SIM remotely', kind: 'remote' },
  SIM_EXPIRY: { action: 'Renew or replace the SIM', kind: 'remote' },
  WEAK_SIGNAL: {
    action: 'Move the terminal, fit an antenna, switch carrier or move to Wi-Fi',
    kind: 'merchant',
  },
  OFFLINE: { action: 'Call the merchant, then dispatch a technician', kind: 'dispatch' },
  COMM_MODULE_FAULT: { action: 'Dispatch a technician to replace the module or terminal', kind: 'dispatch' },
  LINE_FAULT: { action: 'Ask the merchant to check the phone line', kind: 'merchant' },
  PAPER_OUT: { action: 'Tell the merchant; send paper rolls', kind: 'merchant' },
  POWER: { action: 'Tell the merchant to connect mains power', kind: 'merchant' },
  CARRIER_OUTAGE: { action: 'No per-device dispatch; track the incident', kind: 'incident' },
  HOST_MAINTENANCE: { action: 'No device action; the payment host is failing', kind: 'incident' },
};

export const DEFAULT_HORIZON_HOURS = 72;

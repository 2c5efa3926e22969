import type { Cause } from './cause';
import type { RiskConfig } from './config';
import { detectCommModuleFault } from './detect-comm-module-fault';
import { detectLineFault } from './detect-line-fault';
import { detectOffline } from './detect-offline';
import { detectPaperOut } from './detect-paper-out';
import { detectPower } from './detect-power';
import { detectSimDataExhaustion } from './detect-sim-data-exhaustion';
import { detectSimExpiry } from './detect-sim-expiry';
import { detectWeakSignal } from './detect-weak-signal';
import type { TerminalHistory } from './history';

export type Detector = (history: TerminalHistory, now: number, config: RiskConfig) => Cause | undefined;

/** Every per-terminal detector; fleet-level causes come from detectIncidents. */
export const DETECTORS: readonly Detector[] = [
  detectSimDataExhaustion,
  detectSimExpiry,
  detectWeakSignal,
  detectOffline,
  detectCommModuleFault,
  detectLineFault,
  detectPaperOut,
  detectPower,
];

import { batteryLow } from './battery-low';
import { commModule } from './comm-module';
import { connectionLost } from './connection-lost';
import { csqUnknownGaps } from './csq-unknown-gaps';
import { declinesOnly } from './declines-only';
import type { FaultPlugin } from './fault';
import { lineFault } from './line-fault';
import { paper } from './paper';
import { signalBriefDip } from './signal-brief-dip';
import { signalDrift } from './signal-drift';
import { silent } from './silent';
import { simDataExhaustion } from './sim-data-exhaustion';
import { simExpiry } from './sim-expiry';
import { simLowSlowBurn } from './sim-low-slow-burn';
import { simRecentTopUp } from './sim-recent-topup';
import { storeAndForward } from './store-and-forward';
import { weakSignal } from './weak-signal';

/**
 * Per-terminal failure modes with their share among faulty terminals. The most common cause
 * in the field (SIM data) is the most common here. Area-wide incidents are planned separately.
 */
export const DEVICE_FAULTS: readonly (readonly [FaultPlugin, number])[] = [
  [simDataExhaustion, 14],
  [simLowSlowBurn, 7],
  [simRecentTopUp, 6],
  [simExpiry, 6],
  [weakSignal, 8],
  [signalDrift, 6],
  [signalBriefDip, 6],
  [csqUnknownGaps, 5],
  [silent, 5],
  [connectionLost, 6],
  [commModule, 7],
  [declinesOnly, 6],
  [lineFault, 4],
  [paper, 8],
  [batteryLow, 4],
  [storeAndForward, 6],
];

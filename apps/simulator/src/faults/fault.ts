import type { CauseCode } from '@fleet/telemetry/causes';
import type { CommType } from '@fleet/telemetry/protocol/messages';
import type { Rng } from '../random';
import type { TerminalProfile } from '../fleet/terminal-profile';
import type {
  LinkOutage,
  PaperStatus,
  PowerReading,
  SignalReading,
  SimReading,
  TerminalEvent,
  TxnCounts,
} from '../model/readings';

export type FaultKind =
  | 'sim_data_exhaustion'
  | 'sim_low_slow_burn'
  | 'sim_recent_topup'
  | 'sim_expiry'
  | 'weak_signal'
  | 'signal_drift'
  | 'signal_brief_dip'
  | 'csq_unknown_gaps'
  | 'silent'
  | 'connection_lost'
  | 'comm_module'
  | 'declines_only'
  | 'line_fault'
  | 'paper'
  | 'battery_low'
  | 'store_and_forward'
  | 'nightly_shutdown'
  | 'carrier_outage'
  | 'host_maintenance';

/** What the risk engine should conclude about one injected fault. */
export interface FaultLabel {
  kind: FaultKind;
  /** A look-alike that must NOT raise a cause. */
  hardNegative: boolean;
  /** Causes expected while the fault is active; empty for hard negatives. */
  causes: CauseCode[];
  /** When the fault's signature first shows in telemetry (epoch ms). */
  onsetAt: number;
  /** When the platform should start raising the causes; defaults to onsetAt. */
  expectedFrom?: number;
  /** When the terminal actually fails (balance 0, plan expired, link down); for lead time. */
  failureAt?: number;
  /** When it clears; undefined means it persists. */
  endsAt?: number;
  /** Groups terminals of one area-wide incident (carrier outage, host maintenance). */
  incidentKey?: string;
  note: string;
}

/** How a fault bends a terminal's readings. Every hook is pure in (t, input). */
export interface FaultEffect {
  signal?(t: number, reading: SignalReading): SignalReading;
  sim?(t: number, reading: SimReading): SimReading;
  paper?(t: number, status: PaperStatus): PaperStatus;
  power?(t: number, reading: PowerReading): PowerReading;
  /** `attempts` is the window's card presentations before the fault. */
  txn?(windowStart: number, counts: TxnCounts, attempts: number): TxnCounts;
  /** Events the fault causes in [from, to). */
  events?(from: number, to: number): TerminalEvent[];
  outages?: readonly LinkOutage[];
  /** Times a channel must publish out of cadence (network change, paper change, top-up). */
  changes?: Partial<Record<'signal' | 'sim' | 'paper', readonly number[]>>;
}

export interface InjectedFault {
  label: FaultLabel;
  effect: FaultEffect;
}

export interface FaultContext {
  rng: Rng;
  profile: TerminalProfile;
  /** The fleet's "now": faults are placed around it. */
  now: number;
}

/** One failure mode. `comms` says which link types it can appear on. */
export interface FaultPlugin {
  kind: FaultKind;
  comms: readonly CommType[];
  /** May adjust the profile (e.g. a SIM plan) before building its effect. */
  create(ctx: FaultContext): InjectedFault;
}

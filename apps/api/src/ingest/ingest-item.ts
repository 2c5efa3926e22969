import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { DeadLetter } from '../storage/telemetry-store.port';

/** One received MQTT message on its way to the store; `ack` releases its PUBACK after commit. */
export type IngestItem =
  | { kind: 'message'; message: TelemetryMessage; ack: () => void }
  | { kind: 'dead'; deadLetter: DeadLetter; ack: () => void };

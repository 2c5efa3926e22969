import { RAW_CHANNELS } from './telemetry/raw-channels';

/** Every raw per-channel table, e.g. heartbeats, signal_samples. */
export const RAW_TABLES: readonly string[] = Object.values(RAW_CHANNELS).map((spec) => spec.table);

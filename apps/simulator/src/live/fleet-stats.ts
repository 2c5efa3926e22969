/** Counters of a live run, reported through onProgress and FleetHandle.stats(). */
export interface FleetStats {
  /** Terminals with an open MQTT session right now. */
  connected: number;
  /** Messages acknowledged by the broker (PUBACK), status messages included. */
  published: number;
  /** Failed publishes and connection errors. */
  errors: number;
  /** Links killed on purpose so the broker published a Last Will. */
  drops: number;
  /** Clean shutdowns (status "shutdown" then DISCONNECT). */
  shutdowns: number;
  /** Real milliseconds since start. */
  elapsedMs: number;
  /** Modelled time (epoch ms) the run has reached. */
  virtualNow: number;
  lastError?: string;
}

export function emptyStats(virtualNow: number): FleetStats {
  return { connected: 0, published: 0, errors: 0, drops: 0, shutdowns: 0, elapsedMs: 0, virtualNow };
}

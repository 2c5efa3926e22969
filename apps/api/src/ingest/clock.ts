/** The platform clock, injected so tests can fix "now" (receivedAt, retention, future-ts checks). */
export interface Clock {
  now(): number;
}

export const INGEST_CLOCK = Symbol('INGEST_CLOCK');

export const systemClock: Clock = { now: () => Date.now() };

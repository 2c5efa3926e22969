import type { Clock } from '../notification-options';

/** A clock that moves only when the test says so. */
export class ManualClock implements Clock {
  constructor(private at: number) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

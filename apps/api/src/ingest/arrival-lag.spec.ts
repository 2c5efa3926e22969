import { describe, expect, it } from 'vitest';
import { ArrivalLag } from './arrival-lag';

describe('ArrivalLag', () => {
  it('is 0 before any data', () => {
    expect(new ArrivalLag().current()).toBe(0);
  });

  it('is the median lag, so one terminal flushing old messages does not move it', () => {
    const lag = new ArrivalLag(8);
    for (const l of [10, 20, 30, 40, 50]) lag.record(1_000_000, 1_000_000 - l);
    lag.record(1_000_000, 0); // a day-old stored message
    expect(lag.current()).toBe(30);
  });

  it('follows a mass flush once it fills the window, and forgets it after', () => {
    const lag = new ArrivalLag(4);
    for (let i = 0; i < 4; i++) lag.record(10_000, 4_000);
    expect(lag.current()).toBe(6_000);
    for (let i = 0; i < 4; i++) lag.record(20_000, 19_990);
    expect(lag.current()).toBe(10);
  });

  it('counts a ts ahead of the platform clock as no lag', () => {
    const lag = new ArrivalLag(2);
    lag.record(1_000, 5_000);
    expect(lag.current()).toBe(0);
  });
});

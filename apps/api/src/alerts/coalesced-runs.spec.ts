import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescedRuns } from './coalesced-runs';

const SPACING = 1000;

/** A pass that takes `ms` of (fake) time, logging when each one starts. */
function passes(ms: number) {
  const started: number[] = [];
  let running = 0;
  let overlapped = false;
  const pass = async () => {
    started.push(Date.now());
    running++;
    overlapped ||= running > 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
  };
  return { pass, started, overlapped: () => overlapped };
}

describe('CoalescedRuns', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const runs = (pass: () => Promise<void>) =>
    new CoalescedRuns(pass, { minSpacingMs: SPACING, now: () => Date.now() });

  it('answers a burst of 100 risk changes with at most two passes', async () => {
    const p = passes(200);
    const engine = runs(p.pass);
    const done: Array<Promise<void>> = [];
    // One change every 10 ms for a second, as ingest batches come in during an outage.
    for (let i = 0; i < 100; i++) {
      done.push(engine.soon());
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(5 * SPACING);
    await Promise.all(done);
    expect(p.started.length).toBeGreaterThanOrEqual(1);
    expect(p.started.length).toBeLessThanOrEqual(2);
    expect(p.overlapped()).toBe(false);
  });

  it('runs exactly one follow-up pass for changes made during a pass, once the spacing allows', async () => {
    const p = passes(300);
    const engine = runs(p.pass);
    const first = engine.soon();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.started).toEqual([0]);
    // Three changes while the first pass runs.
    await vi.advanceTimersByTimeAsync(100);
    const followUps = [engine.soon(), engine.soon()];
    await vi.advanceTimersByTimeAsync(100);
    followUps.push(engine.soon());
    await vi.advanceTimersByTimeAsync(10 * SPACING);
    await Promise.all([first, ...followUps]);
    expect(p.started).toEqual([0, SPACING]);
    expect(p.overlapped()).toBe(false);
  });

  it('starts an urgent pass (a raise time due) at once, without waiting out the spacing', async () => {
    const p = passes(50);
    const engine = runs(p.pass);
    await Promise.all([engine.soon(), vi.advanceTimersByTimeAsync(100)]);
    const urgent = engine.urgent();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.started).toEqual([0, 100]);
    await vi.advanceTimersByTimeAsync(50);
    await urgent;
  });

  it('makes an urgent request during a pass the follow-up, started as soon as the pass ends', async () => {
    const p = passes(300);
    const engine = runs(p.pass);
    void engine.soon();
    await vi.advanceTimersByTimeAsync(100);
    void engine.soon();
    const urgent = engine.urgent();
    await vi.advanceTimersByTimeAsync(210);
    // 1 ms after the first pass ended: a timer's least delay, not the 1 s spacing.
    expect(p.started).toEqual([0, 301]);
    await vi.advanceTimersByTimeAsync(300);
    await urgent;
    await vi.advanceTimersByTimeAsync(10 * SPACING);
    expect(p.started).toEqual([0, 301]);
  });

  it('resolves a request only after a pass that started after it has finished', async () => {
    const p = passes(300);
    const engine = runs(p.pass);
    void engine.soon();
    await vi.advanceTimersByTimeAsync(100);
    let answered = false;
    void engine.urgent().then(() => (answered = true));
    // The first pass ends at 300 without answering it; the follow-up ends at 600.
    await vi.advanceTimersByTimeAsync(250);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(260);
    expect(answered).toBe(true);
  });

  it('keeps running after a pass that failed', async () => {
    let calls = 0;
    const engine = runs(async () => {
      calls++;
      if (calls === 1) throw new Error('database gone');
    });
    await Promise.all([engine.urgent(), vi.advanceTimersByTimeAsync(0)]);
    await Promise.all([engine.urgent(), vi.advanceTimersByTimeAsync(0)]);
    expect(calls).toBe(2);
  });

  it('starts nothing once closed, lets a pending request go and waits for the pass under way', async () => {
    const p = passes(300);
    const engine = runs(p.pass);
    void engine.urgent();
    await vi.advanceTimersByTimeAsync(100);
    const pending = engine.soon();
    let closed = false;
    const closing = engine.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    await closing;
    await pending;
    await vi.advanceTimersByTimeAsync(10 * SPACING);
    expect(p.started).toEqual([0]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeBuffer } from './change-buffer';

describe('ChangeBuffer', () => {
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst into one flush holding the newest value per key', () => {
    vi.useFakeTimers();
    const flushes: Array<Map<string, number>> = [];
    const buffer = new ChangeBuffer<number>(500, (items) => flushes.push(items));
    buffer.add('T1', 1);
    buffer.add('T2', 1);
    buffer.add('T1', 2);
    expect(flushes).toHaveLength(0);
    vi.advanceTimersByTime(500);
    expect(flushes).toHaveLength(1);
    expect([...flushes[0]!.entries()]).toEqual([
      ['T1', 2],
      ['T2', 1],
    ]);
    vi.advanceTimersByTime(5000);
    expect(flushes).toHaveLength(1);
  });

  it('starts a new interval after each flush and drops pending items on stop', () => {
    vi.useFakeTimers();
    const flushed: string[] = [];
    const buffer = new ChangeBuffer<true>(100, (items) => flushed.push(...items.keys()));
    buffer.add('a', true);
    vi.advanceTimersByTime(100);
    buffer.add('b', true);
    buffer.stop();
    vi.advanceTimersByTime(1000);
    expect(flushed).toEqual(['a']);
  });
});

import { describe, expect, it } from 'vitest';
import { AsyncMutex } from './async-mutex';

describe('AsyncMutex', () => {
  it('lets holders in one at a time, in arrival order', async () => {
    const mutex = new AsyncMutex();
    const order: string[] = [];
    const hold = async (name: string, work: () => Promise<void>) => {
      const release = await mutex.lock();
      order.push(`${name}:in`);
      await work();
      order.push(`${name}:out`);
      release();
    };
    let finishFirst!: () => void;
    let firstEntered!: () => void;
    const entered = new Promise<void>((resolve) => (firstEntered = resolve));
    const first = hold('a', () => {
      firstEntered();
      return new Promise<void>((resolve) => (finishFirst = resolve));
    });
    const second = hold('b', async () => undefined);
    await entered;
    // Let every pending callback run: b must still be waiting for a.
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a:in']);
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['a:in', 'a:out', 'b:in', 'b:out']);
  });
});

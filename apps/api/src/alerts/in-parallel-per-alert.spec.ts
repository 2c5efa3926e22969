import { describe, expect, it } from 'vitest';
import { inParallelPerAlert } from './in-parallel-per-alert';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('inParallelPerAlert', () => {
  it('runs at most `limit` at a time, and every item once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inParallelPerAlert(
      Array.from({ length: 20 }, (_, i) => i),
      String,
      3,
      async (i) => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        done.push(i);
      },
    );
    expect(most).toBe(3);
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps one alert’s items in order and never two of them at once', async () => {
    const items = [
      { id: 'a', step: 'clearing' },
      { id: 'b', step: 'open' },
      { id: 'a', step: 'resolve' },
    ];
    const log: string[] = [];
    const busy = new Set<string>();
    await inParallelPerAlert(
      items,
      (item) => item.id,
      8,
      async (item) => {
        expect(busy.has(item.id)).toBe(false);
        busy.add(item.id);
        await tick();
        log.push(`${item.id}:${item.step}`);
        busy.delete(item.id);
      },
    );
    expect(log.filter((entry) => entry.startsWith('a:'))).toEqual(['a:clearing', 'a:resolve']);
    expect(log).toContain('b:open');
  });

  it('finishes what it started before rethrowing the first failure', async () => {
    const finished: string[] = [];
    const run = inParallelPerAlert(
      ['bad', 'slow', 'after'],
      (id) => id,
      2,
      async (id) => {
        if (id === 'bad') throw new Error('refused');
        await tick();
        await tick();
        finished.push(id);
      },
    );
    await expect(run).rejects.toThrow('refused');
    expect(finished.sort()).toEqual(['after', 'slow']);
  });
});

import { describe, expect, it } from 'vitest';
import { AckSequencer } from './ack-sequencer';

function sequencer() {
  const writes: number[][] = [];
  const acks = new AckSequencer((ids) => writes.push([...ids]));
  return { acks, writes };
}

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('AckSequencer', () => {
  it('holds an ack committed early until every earlier message is committed', async () => {
    const { acks, writes } = sequencer();
    const [a, b, c] = [acks.track(11), acks.track(12), acks.track(13)];
    c?.();
    b?.();
    await microtask();
    expect(writes).toEqual([]);
    a?.();
    await microtask();
    expect(writes).toEqual([[11, 12, 13]]);
    expect(acks.pending).toBe(0);
  });

  it('sends acks that become ready together in one write', async () => {
    const { acks, writes } = sequencer();
    const done = Array.from({ length: 5 }, (_, i) => acks.track(i + 1));
    done.forEach((ack) => ack());
    await microtask();
    expect(writes).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('ignores a second ack of the same message and acks after close', async () => {
    const { acks, writes } = sequencer();
    const first = acks.track(7);
    first();
    first();
    await microtask();
    const late = acks.track(8);
    acks.close();
    late();
    await microtask();
    expect(writes).toEqual([[7]]);
  });

  it('keeps order across compaction of a long run', async () => {
    const { acks, writes } = sequencer();
    const handles = Array.from({ length: 10_000 }, (_, i) => acks.track((i % 65_535) + 1));
    handles.slice(0, 9_000).forEach((ack) => ack());
    const tail = handles.slice(9_000);
    const extra = acks.track(42);
    tail.reverse().forEach((ack) => ack());
    extra();
    await microtask();
    const sent = writes.flat();
    expect(sent).toHaveLength(10_001);
    expect(sent.slice(0, 3)).toEqual([1, 2, 3]);
    expect(sent.at(-2)).toBe(10_000);
    expect(sent.at(-1)).toBe(42);
  });
});

import { describe, expect, it } from 'vitest';
import { TransitionQueue, type QueuedTransition, type SendOutcome } from './transition-queue';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const change = (clientId: string, to: QueuedTransition['to'], workOrderId = 'wo-1'): QueuedTransition => ({
  clientId,
  workOrderId,
  to,
  at: `2026-03-04T05:0${clientId.slice(-1)}:00.000Z`,
});

/** A server that applies each clientId once, like POST /work-orders/{id}/transition. */
function idempotentServer(script: Array<SendOutcome['kind']> = []) {
  const applied: QueuedTransition[] = [];
  const seen = new Set<string>();
  const calls: string[] = [];
  const send = async (t: QueuedTransition): Promise<SendOutcome> => {
    calls.push(t.clientId);
    const scripted = script.shift();
    if (scripted === 'retry') return { kind: 'retry' };
    if (scripted === 'refused') return { kind: 'refused', status: 409, message: 'illegal' };
    if (!seen.has(t.clientId)) {
      seen.add(t.clientId);
      applied.push(t);
    }
    return { kind: 'sent' };
  };
  return { applied, calls, send };
}

describe('TransitionQueue', () => {
  it('replays every waiting change in the order made, with the phone’s times', async () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    queue.add(change('c1', 'accepted'));
    queue.add(change('c2', 'en_route'));
    queue.add(change('c3', 'on_site'));
    const server = idempotentServer();

    expect(await queue.replay(server.send)).toEqual({ sent: 3, refused: [], waiting: 0 });
    expect(server.applied.map((t) => [t.to, t.at])).toEqual([
      ['accepted', '2026-03-04T05:01:00.000Z'],
      ['en_route', '2026-03-04T05:02:00.000Z'],
      ['on_site', '2026-03-04T05:03:00.000Z'],
    ]);
    expect(queue.pending()).toEqual([]);
  });

  it('stops at a change that must wait, so no later one overtakes it, and resumes from there', async () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    queue.add(change('c1', 'accepted'));
    queue.add(change('c2', 'en_route'));
    const server = idempotentServer(['sent', 'retry']);

    expect(await queue.replay(server.send)).toEqual({ sent: 1, refused: [], waiting: 1 });
    expect(queue.pending().map((t) => t.clientId)).toEqual(['c2']);
    expect(await queue.replay(server.send)).toEqual({ sent: 1, refused: [], waiting: 0 });
    expect(server.calls).toEqual(['c1', 'c2', 'c2']);
    expect(server.applied.map((t) => t.to)).toEqual(['accepted', 'en_route']);
  });

  it('is idempotent: a change whose answer was lost is sent again with the same clientId and applied once', async () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    queue.add(change('c1', 'accepted'));
    const server = idempotentServer();
    // The server applied it but the reply never came back: the phone keeps it and retries.
    await server.send(change('c1', 'accepted'));
    await queue.replay(server.send);
    expect(server.calls).toEqual(['c1', 'c1']);
    expect(server.applied).toHaveLength(1);
  });

  it('drops and reports a change the server refuses, and goes on with the rest', async () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    queue.add(change('c1', 'on_site'));
    queue.add(change('c2', 'accepted', 'wo-2'));
    const server = idempotentServer(['refused']);

    const result = await queue.replay(server.send);
    expect(result.sent).toBe(1);
    expect(result.refused).toEqual([
      { transition: change('c1', 'on_site'), status: 409, message: 'illegal' },
    ]);
    expect(queue.pending()).toEqual([]);
    expect(server.applied.map((t) => t.workOrderId)).toEqual(['wo-2']);
  });

  it('keeps what waits in storage: a new queue on the same storage (a reload) has it', () => {
    const storage = new MemoryStorage();
    new TransitionQueue(storage, 'q').add(change('c1', 'accepted'));
    expect(new TransitionQueue(storage, 'q').pending()).toEqual([change('c1', 'accepted')]);
    storage.setItem('broken', '{not json');
    expect(new TransitionQueue(storage, 'broken').pending()).toEqual([]);
  });

  it('runs one pass at a time: a second replay while one is under way shares it', async () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    queue.add(change('c1', 'accepted'));
    const server = idempotentServer();
    const [a, b] = await Promise.all([queue.replay(server.send), queue.replay(server.send)]);
    expect(a).toBe(b);
    expect(server.calls).toEqual(['c1']);
  });

  it('keeps a change added during a replay behind the ones before it', async () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    queue.add(change('c1', 'accepted'));
    const calls: string[] = [];
    await queue.replay(async (t) => {
      calls.push(t.clientId);
      if (t.clientId === 'c1') queue.add(change('c2', 'en_route'));
      return { kind: 'sent' };
    });
    expect(calls).toEqual(['c1', 'c2']);
    expect(queue.pending()).toEqual([]);
  });

  it('tells subscribers when what waits changes', () => {
    const queue = new TransitionQueue(new MemoryStorage(), 'q');
    let told = 0;
    const stop = queue.subscribe(() => (told += 1));
    queue.add(change('c1', 'accepted'));
    stop();
    queue.add(change('c2', 'en_route'));
    expect(told).toBe(1);
  });
});

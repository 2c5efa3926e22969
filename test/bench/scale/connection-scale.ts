import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ConnectionsCommand, ConnectionsReply } from './terminal-connections';
import { listenOverflows, rssBytes } from './process-memory';

/**
 * Holds `count` terminal connections on one broker (each its own TCP connection, from
 * child processes: one process may not open that many files here) and measures the
 * broker's resident memory before and after, then two reconnect storms, each timed from
 * the drop until the last CONNACK: every socket dropped at once and all reconnecting together,
 * then dropped again and each reconnecting after a random delay within `spreadMs`, as
 * firmware does after a lost link.
 */
export interface ConnectionScale {
  connected: number;
  /** Broker RSS growth for the connections held, bytes. */
  brokerDeltaBytes: number;
  /** RSS of the client processes holding them (measured apart; not the broker's). */
  clientBytes: number;
  /** All reconnecting together. */
  atOnce: Storm;
  /** Each reconnecting after a random delay within the spread. */
  spread: Storm;
  /** Attempts refused or reset and tried again while building up. */
  holdRetries: number;
}

export interface Storm {
  seconds: number;
  /** Attempts refused or reset and tried again. */
  retries: number;
  /** Accept-queue overflows on the machine during the storm (other processes' included). */
  listenOverflows: number;
}

/** Each child holds at most this many; the process limit on open files is 20,000 here. */
const PER_CHILD = 10_000;
/** Source addresses per child: a storm opens a second socket per terminal while the first lingers. */
const ADDRESSES_PER_CHILD = 4;
/** Give the broker a moment to settle its allocations before reading its memory. */
const SETTLE_MS = 3000;

export async function measureConnectionScale(
  brokerPid: number,
  port: number,
  count: number,
  idPrefix: string,
  spreadMs: number,
): Promise<ConnectionScale> {
  const ids = Array.from({ length: count }, (_, i) => `${idPrefix}${i.toString().padStart(6, '0')}`);
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += PER_CHILD) groups.push(ids.slice(i, i + PER_CHILD));
  const children = groups.map(() => fork(join(__dirname, 'run.js'), ['--connections'], { stdio: 'inherit' }));
  try {
    await settle();
    const before = rssBytes(brokerPid);
    const held = await Promise.all(
      children.map((child, c) => {
        const localAddresses = Array.from(
          { length: ADDRESSES_PER_CHILD },
          (_, a) => `127.0.${c + 1}.${a + 2}`,
        );
        return ask(child, { cmd: 'hold', port, ids: groups[c]!, localAddresses }, 'held');
      }),
    );
    await settle();
    const after = rssBytes(brokerPid);
    const storm = async (spread: number): Promise<Storm> => {
      const overflowsBefore = listenOverflows();
      const stormed = await Promise.all(
        children.map((child) => ask(child, { cmd: 'storm', spreadMs: spread }, 'stormed')),
      );
      const startedAt = Math.min(...stormed.map((s) => s.startedAt));
      const doneAt = Math.max(...stormed.map((s) => s.doneAt));
      return {
        seconds: (doneAt - startedAt) / 1000,
        retries: stormed.reduce((sum, s) => sum + s.retries, 0),
        listenOverflows: listenOverflows() - overflowsBefore,
      };
    };
    const atOnce = await storm(0);
    await settle();
    const spread = await storm(spreadMs);
    return {
      connected: held.reduce((sum, h) => sum + h.connected, 0),
      brokerDeltaBytes: after - before,
      clientBytes: held.reduce((sum, h) => sum + h.rssBytes, 0),
      atOnce,
      spread,
      holdRetries: held.reduce((sum, h) => sum + h.retries, 0),
    };
  } finally {
    for (const child of children) {
      if (child.connected) child.send({ cmd: 'exit' } satisfies ConnectionsCommand);
      child.kill();
    }
  }
}

function settle(): Promise<void> {
  global.gc?.();
  return new Promise((done) => setTimeout(done, SETTLE_MS));
}

function ask<T extends ConnectionsReply['type']>(
  child: ChildProcess,
  command: ConnectionsCommand,
  expected: T,
): Promise<Extract<ConnectionsReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`connections process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: ConnectionsReply) => {
      child.off('exit', onExit);
      if (reply.type === expected) resolve(reply as Extract<ConnectionsReply, { type: T }>);
      else reject(new Error(`connections process: ${reply.type === 'error' ? reply.message : reply.type}`));
    });
    child.send(command);
  });
}

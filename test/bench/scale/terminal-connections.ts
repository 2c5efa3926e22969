import { connect, type Socket } from 'node:net';
import mqttPacket from 'mqtt-packet';

/**
 * A child process holding many terminals' MQTT connections, each its own TCP socket, as
 * lean as a connection can be (mqtt-packet, no client library), so what is measured is the
 * broker. Each terminal keeps alive at 60 s and publishes a heartbeat every 60 s (QoS 0),
 * the first at a random moment so they are spread. Commands come over IPC from
 * connection-scale.ts: `hold` connects them all, `storm` drops every socket at once and
 * reconnects each after a random delay within `spreadMs` (0: all together), `exit` ends.
 */
export type ConnectionsCommand =
  | { cmd: 'hold'; port: number; ids: string[]; localAddresses: string[] }
  | { cmd: 'storm'; spreadMs: number }
  | { cmd: 'exit' };
export type ConnectionsReply =
  | { type: 'held'; connected: number; retries: number; rssBytes: number }
  | { type: 'stormed'; startedAt: number; doneAt: number; connected: number; retries: number }
  | { type: 'error'; message: string };

const HEARTBEAT_MS = 60_000;
/** Connects in flight at once while building up the hold (the storm fires them all). */
const RAMP_CONCURRENCY = 500;
const CONNACK_TIMEOUT_MS = 60_000;
/** A refused or reset attempt is tried again after about this long, as a terminal's firmware would. */
const RETRY_MS = 250;
const GIVE_UP_MS = 120_000;

interface Terminal {
  id: string;
  localAddress: string;
  socket?: Socket;
  seq: number;
  timer?: NodeJS.Timeout;
}

let port = 0;
let terminals: Terminal[] = [];
let retries = 0;

function reply(message: ConnectionsReply): void {
  process.send?.(message);
}

/** Resolves on CONNACK accepted; rejects on refusal, error or close first. */
function open(terminal: Terminal): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: terminal.localAddress });
    terminal.socket = socket;
    const timer = setTimeout(() => fail(new Error(`${terminal.id}: no CONNACK`)), CONNACK_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('connect', () =>
      socket.write(
        mqttPacket.generate({
          cmd: 'connect',
          protocolId: 'MQTT',
          protocolVersion: 4,
          clean: true,
          clientId: terminal.id,
          keepalive: HEARTBEAT_MS / 1000,
        }),
      ),
    );
    // CONNACK: 0x20 0x02 <flags> <return code>; it arrives as the first bytes.
    socket.once('data', (data: Buffer) => {
      clearTimeout(timer);
      socket.off('error', fail);
      socket.on('error', () => undefined);
      if (data[0] !== 0x20 || data[3] !== 0) return fail(new Error(`${terminal.id}: refused (${data[3]})`));
      socket.on('data', () => undefined);
      resolve();
    });
  });
}

/** Tries again on refusal or reset (a broker under a storm may shed some), up to GIVE_UP_MS. */
async function connectTerminal(terminal: Terminal): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      return await open(terminal);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      retries += 1;
      await new Promise((done) => setTimeout(done, RETRY_MS * (0.5 + Math.random())));
    }
  }
}

function heartbeats(terminal: Terminal): void {
  const beat = () => {
    const payload = JSON.stringify({
      ts: new Date().toISOString(),
      seq: terminal.seq++,
      intervalS: 60,
      uptimeS: 3600 + terminal.seq * 60,
      comm: '4g',
      power: 'mains',
    });
    terminal.socket?.write(
      mqttPacket.generate({
        cmd: 'publish',
        topic: `fleet/v1/${terminal.id}/heartbeat`,
        payload,
        qos: 0,
        dup: false,
        retain: false,
      }),
    );
  };
  terminal.timer = setTimeout(function next() {
    beat();
    terminal.timer = setTimeout(next, HEARTBEAT_MS);
  }, Math.random() * HEARTBEAT_MS);
}

async function hold(command: Extract<ConnectionsCommand, { cmd: 'hold' }>): Promise<void> {
  port = command.port;
  terminals = command.ids.map((id, i) => ({
    id,
    localAddress: command.localAddresses[i % command.localAddresses.length]!,
    seq: 1,
  }));
  let next = 0;
  const worker = async () => {
    while (next < terminals.length) {
      const terminal = terminals[next++]!;
      await connectTerminal(terminal);
      heartbeats(terminal);
    }
  };
  await Promise.all(Array.from({ length: RAMP_CONCURRENCY }, worker));
  reply({ type: 'held', connected: terminals.length, retries, rssBytes: process.memoryUsage().rss });
  retries = 0;
}

async function storm({ spreadMs }: Extract<ConnectionsCommand, { cmd: 'storm' }>): Promise<void> {
  retries = 0;
  for (const terminal of terminals) {
    clearTimeout(terminal.timer);
    terminal.socket?.destroy();
  }
  const startedAt = Date.now();
  const after = (ms: number) => new Promise((done) => setTimeout(done, ms));
  await Promise.all(
    terminals.map(async (terminal) => {
      // Firmware waits a random moment after a lost link, so a fleet does not come back in one instant.
      if (spreadMs > 0) await after(Math.random() * spreadMs);
      await connectTerminal(terminal);
    }),
  );
  const doneAt = Date.now();
  for (const terminal of terminals) heartbeats(terminal);
  reply({ type: 'stormed', startedAt, doneAt, connected: terminals.length, retries });
}

process.on('message', (command: ConnectionsCommand) => {
  const run = command.cmd === 'hold' ? hold(command) : command.cmd === 'storm' ? storm(command) : undefined;
  if (!run) {
    for (const terminal of terminals) terminal.socket?.destroy();
    process.exit(0);
  }
  run.catch((error: Error) => reply({ type: 'error', message: error.message }));
});

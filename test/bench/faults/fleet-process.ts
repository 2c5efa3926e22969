import { createWriteStream } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { validJson } from '../../../apps/api/src/ingest/testing/terminal-messages';

/**
 * A slice of the simulated fleet: one MQTT.js connection per terminal, persistent session
 * (clean=false), QoS 1. A message counts as acknowledged only when its PUBACK arrives;
 * MQTT.js keeps unacked ones in the client's outgoing store and resends them on reconnect.
 */
export type FleetCommand =
  | { cmd: 'start'; url: string; ids: string[]; passwords?: Record<string, string>; rate: number }
  | { cmd: 'storm'; backlogPerTerminal: number; duplicates: number; withinMs: number }
  | { cmd: 'bad'; perTerminal: number; terminals: number }
  | { cmd: 'stats' }
  /** Unique messages acked whose device ts falls in [fromMs, toMs), whole seconds. */
  | { cmd: 'ackedBetween'; fromMs: number; toMs: number }
  | { cmd: 'finish'; csvPath: string };

const CHANNELS: Channel[] = ['heartbeat', 'signal'];

interface Terminal {
  id: string;
  client: MqttClient;
  seq: number[];
  acked: Map<number, Acked>[]; // by seq
  sentPayloads: Map<string, string>[];
}

/** When a message was sent (its device ts) and when its PUBACK came back. */
interface Acked {
  ts: number;
  ackAt: number;
}

const terminals: Terminal[] = [];
/** Unique acks by the second of their device ts, for the recovery measure's sliding window. */
const ackedBySecond = new Map<number, number>();
let sent = 0;
let ackedUnique = 0;
let ackErrors = 0;
let ticker: NodeJS.Timeout | undefined;
let cursor = 0;

function send(t: Terminal, c: number, ts: number, seq?: number): void {
  const s = seq ?? t.seq[c]!++;
  const topic = topicFor(t.id, CHANNELS[c]!);
  const payload = validJson(CHANNELS[c]!, ts, s);
  sent += 1;
  t.client.publish(topic, payload, { qos: 1 }, (error) => {
    if (error) return void (ackErrors += 1);
    const set = t.acked[c]!;
    if (!set.has(s)) {
      set.set(s, { ts, ackAt: Date.now() });
      ackedUnique += 1;
      const second = Math.floor(ts / 1000);
      ackedBySecond.set(second, (ackedBySecond.get(second) ?? 0) + 1);
    }
  });
}

/** Resends an already-published message unchanged (same seq, same ts): a duplicate. */
function resend(t: Terminal, c: number, seq: number, ts: number): void {
  send(t, c, ts, seq);
}

/** `passwords`: the secrets the platform issued; username = client id = terminal id (PROTOCOL.md §1). */
function start(url: string, ids: string[], rate: number, passwords?: Record<string, string>): void {
  for (const id of ids) {
    const password = passwords?.[id];
    const client = mqtt.connect(url, {
      clientId: password === undefined ? `faults-${id}` : id,
      ...(password === undefined ? {} : { username: id, password }),
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 1000 + Math.floor(Math.random() * 1000),
      connectTimeout: 10_000,
      keepalive: 60,
    });
    client.on('error', () => undefined);
    terminals.push({
      id,
      client,
      seq: CHANNELS.map(() => 0),
      acked: CHANNELS.map(() => new Map()),
      sentPayloads: [],
    });
  }
  // Steady load: every 100 ms, rate/10 messages round-robin over the terminals.
  const perTick = Math.max(1, Math.round(rate / 10));
  ticker = setInterval(() => {
    const now = Date.now();
    for (let i = 0; i < perTick; i += 1) {
      const t = terminals[cursor % terminals.length]!;
      const c = Math.floor(cursor / terminals.length) % CHANNELS.length;
      cursor += 1;
      send(t, c, now);
    }
  }, 100);
}

/** Every terminal drops within `withinMs`, reconnects, and flushes a 30-minute backlog. */
function storm(backlogPerTerminal: number, duplicates: number, withinMs: number): void {
  const now = Date.now();
  for (const t of terminals) {
    setTimeout(() => {
      t.client.stream?.destroy(); // a dropped carrier link, not a clean disconnect
      const base = now - 30 * 60_000;
      for (let k = 0; k < backlogPerTerminal; k += 1) {
        send(t, k % CHANNELS.length, base + Math.floor((k * 30 * 60_000) / backlogPerTerminal));
      }
      // Partly duplicated: the store-and-forward flush resends the first few backlog messages.
      for (let k = 0; k < Math.min(duplicates, backlogPerTerminal); k += 1) {
        const c = k % CHANNELS.length;
        const seq =
          t.seq[c]! - Math.ceil(backlogPerTerminal / CHANNELS.length) + Math.floor(k / CHANNELS.length);
        resend(t, c, seq, base + Math.floor((k * 30 * 60_000) / backlogPerTerminal));
      }
    }, Math.random() * withinMs);
  }
}

/** Bad and forbidden traffic; never counted as acknowledged telemetry. */
function bad(perTerminal: number, count: number): number {
  let n = 0;
  for (const t of terminals.slice(0, count)) {
    for (let k = 0; k < perTerminal; k += 1) {
      const other = terminals[(terminals.indexOf(t) + 1) % terminals.length]!.id;
      const variants: Array<[string, string]> = [
        [topicFor(t.id, 'heartbeat'), '{not json'],
        [topicFor(t.id, 'signal'), JSON.stringify({ ts: Date.now(), seq: 'x', comm: 42 })],
        [`fleet/v1/${t.id}/nosuchchannel`, JSON.stringify({ ts: Date.now(), seq: 1 })],
        [`fleet/v1/${other}/heartbeat/extra`, '{}'],
        [`elsewhere/${t.id}`, 'forbidden'],
      ];
      const [topic, payload] = variants[k % variants.length]!;
      t.client.publish(topic, payload, { qos: 1 }, () => undefined);
      n += 1;
    }
  }
  return n;
}

async function finish(csvPath: string): Promise<void> {
  if (ticker) clearInterval(ticker);
  // Let the outboxes drain: wait until every store is empty (or 120 s).
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && terminals.some((t) => pending(t) > 0)) await sleep(500);
  const out = createWriteStream(csvPath);
  for (const t of terminals) {
    t.acked.forEach((set, c) => {
      for (const [seq, { ts, ackAt }] of set) out.write(`${t.id},${CHANNELS[c]},${seq},${ts},${ackAt}\n`);
    });
  }
  await new Promise<void>((done) => out.end(done));
  await Promise.all(terminals.map((t) => t.client.endAsync(true).catch(() => undefined)));
}

function pending(t: Terminal): number {
  return Object.keys((t.client as unknown as { outgoing: object }).outgoing ?? {}).length;
}

function ackedBetween(fromMs: number, toMs: number): number {
  let n = 0;
  for (let second = Math.floor(fromMs / 1000); second < Math.floor(toMs / 1000); second += 1)
    n += ackedBySecond.get(second) ?? 0;
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats() {
  const connected = terminals.filter((t) => t.client.connected).length;
  const outbox = terminals.reduce((sum, t) => sum + pending(t), 0);
  return { sent, ackedUnique, ackErrors, connected, outbox };
}

process.on('message', (command: FleetCommand) => {
  const reply = (body: object) => process.send?.({ type: 'reply', ...body });
  switch (command.cmd) {
    case 'start':
      start(command.url, command.ids, command.rate, command.passwords);
      return reply({});
    case 'storm':
      storm(command.backlogPerTerminal, command.duplicates, command.withinMs);
      return reply({});
    case 'bad':
      return reply({ bad: bad(command.perTerminal, command.terminals) });
    case 'stats':
      return reply(stats());
    case 'ackedBetween':
      return reply({ acked: ackedBetween(command.fromMs, command.toMs) });
    case 'finish':
      finish(command.csvPath).then(
        () => reply(stats()),
        (error: unknown) => reply({ error: String(error) }),
      );
  }
});
process.send?.({ type: 'ready' });

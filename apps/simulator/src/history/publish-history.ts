import mqtt, { type MqttClient } from 'mqtt';
import { BrokerUnreachableError } from '../live/start-fleet';
import type { HistoryMessage } from './generate-history';

export interface PublishHistoryOptions {
  brokerUrl: string;
  messages: Iterable<HistoryMessage> | AsyncIterable<HistoryMessage>;
  protocolVersion?: 4 | 5;
  /** Unacknowledged publishes allowed at once; default 1000. */
  maxInFlight?: number;
  /** 'single' (default): one publisher session; 'per-terminal': each terminal publishes its own topics. */
  connections?: 'single' | 'per-terminal';
  /** For 'single': the publisher's credentials (must be allowed to publish under fleet/v1/#). */
  username?: string;
  password?: string;
  /** For 'per-terminal' with device auth on. */
  passwordFor?: (terminalId: string) => string | undefined;
  onProgress?: (progress: HistoryProgress) => void;
  progressIntervalMs?: number;
  connectTimeoutMs?: number;
}

export interface HistoryProgress {
  published: number;
  errors: number;
  elapsedMs: number;
  lastError?: string;
}

/** Opens a session and waits until the broker accepts or refuses it. */
function open(brokerUrl: string, options: mqtt.IClientOptions, timeoutMs: number): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(brokerUrl, { reconnectPeriod: 0, connectTimeout: timeoutMs, ...options });
    const fail = (reason: string) => {
      client.end(true);
      reject(new BrokerUnreachableError(`cannot reach MQTT broker ${brokerUrl}: ${reason}`));
    };
    client.once('connect', () => resolve(client));
    client.once('error', (error) => fail(error.message));
    client.once('close', () => fail('connection closed'));
  });
}

/**
 * Pushes a backfill as fast as the broker acknowledges it, never more than `maxInFlight`
 * unacknowledged at once. Resolves with the totals once every message is acknowledged.
 */
export async function publishHistory(options: PublishHistoryOptions): Promise<HistoryProgress> {
  const maxInFlight = options.maxInFlight ?? 1000;
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const base = { protocolVersion: options.protocolVersion ?? 4 } as const;
  const started = Date.now();
  const progress: HistoryProgress = { published: 0, errors: 0, elapsedMs: 0 };
  const clients = new Map<string, Promise<MqttClient>>();
  const clientFor = (tid: string): Promise<MqttClient> => {
    const key = options.connections === 'per-terminal' ? tid : '';
    let client = clients.get(key);
    if (!client) {
      const identity =
        key === ''
          ? { clientId: `fleet-backfill-${process.pid}-${started}`, clean: true, username: options.username, password: options.password }
          : { clientId: tid, clean: true, username: tid, password: options.passwordFor?.(tid) };
      client = open(options.brokerUrl, { ...base, ...identity }, timeoutMs);
      clients.set(key, client);
    }
    return client;
  };
  const report = () => options.onProgress?.({ ...progress, elapsedMs: Date.now() - started });
  const progressTimer = options.onProgress ? setInterval(report, options.progressIntervalMs ?? 2000) : undefined;

  let inFlight = 0;
  let wake: (() => void) | undefined;
  const settle = () => {
    inFlight--;
    wake?.();
  };
  try {
    // Fail fast when the broker is unreachable, before generating anything.
    if (options.connections !== 'per-terminal') await clientFor('');
    for await (const message of options.messages) {
      while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
      const client = await clientFor(message.terminalId);
      inFlight++;
      client.publish(message.topic, JSON.stringify(message.payload), { qos: 1, retain: message.retain }, (error) => {
        if (error) {
          progress.errors++;
          progress.lastError = error.message;
        } else progress.published++;
        settle();
      });
    }
    while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    clearInterval(progressTimer);
    const opened = await Promise.allSettled(clients.values());
    await Promise.all(opened.map((o) => (o.status === 'fulfilled' ? o.value.endAsync() : undefined)));
  }
  report();
  return { ...progress, elapsedMs: Date.now() - started };
}

import mqtt, { type MqttClient } from 'mqtt';

export interface Received {
  topic: string;
  payload: Buffer;
  retain: boolean;
  receivedAt: number;
}

/** Subscribes to the fleet topics and lets a test await the message it expects (no sleeping). */
export class Recorder {
  readonly messages: Received[] = [];
  private waiters: { match: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const m = { topic, payload, retain: packet.retain, receivedAt: Date.now() };
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => (w.match(m) ? (w.resolve(m), false) : true));
    });
  }

  static async open(url: string, filter: string, protocolVersion: 4 | 5 = 4): Promise<Recorder> {
    const client = await mqtt.connectAsync(url, { protocolVersion, clean: true, reconnectPeriod: 0 });
    const recorder = new Recorder(client);
    await client.subscribeAsync(filter, { qos: 1 });
    return recorder;
  }

  /** Resolves with the first message (already received or future) that matches. */
  waitFor(match: (m: Received) => boolean, what: string, timeoutMs = 15_000): Promise<Received> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  json(m: Received): Record<string, unknown> {
    return JSON.parse(m.payload.toString('utf8')) as Record<string, unknown>;
  }

  close(): Promise<void> {
    return this.client.endAsync();
  }
}

import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';

const CONTROL_TOPIC = '$CONTROL/dynamic-security/v1';
const RESPONSE_TOPIC = `${CONTROL_TOPIC}/response`;

export interface DynsecCommand {
  command: string;
  [field: string]: unknown;
}

export interface DynsecResponse {
  command: string;
  error?: string;
  data?: unknown;
}

/**
 * A client of Mosquitto's dynamic-security plugin: commands go to `$CONTROL/dynamic-security/v1`
 * as one JSON message, answers come back on `.../response`, one per command in order. One
 * request is in flight at a time and an answer must name the same commands, so answers match
 * requests without `correlationData` (which Mosquitto 2.0 does not echo for every command).
 */
export class DynsecControl {
  private queue: Promise<unknown> = Promise.resolve();
  private waiting?: {
    resolve: (responses: DynsecResponse[]) => void;
    reject: (error: Error) => void;
    commands: string[];
  };

  private constructor(private readonly client: MqttClient) {
    client.on('message', (_topic, payload) => this.onResponse(payload));
    // mqtt.js reconnects and resubscribes by itself; an answer due on the lost connection never comes.
    client.on('close', () =>
      this.waiting?.reject(new Error('the broker closed the connection before answering')),
    );
    client.on('error', () => undefined);
  }

  /** Connects as the dynamic-security admin; rejects with the broker's reason when refused. */
  static async connect(url: string, username: string, password: string): Promise<DynsecControl> {
    const client = await mqtt.connectAsync(url, {
      username,
      password,
      clientId: `fleet-dynsec-${randomUUID().slice(0, 8)}`,
      protocolVersion: 4,
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
    });
    const granted = await client.subscribeAsync(RESPONSE_TOPIC, { qos: 1 });
    if (granted.some((grant) => grant.qos === 128)) {
      await client.endAsync(true);
      throw new Error(
        `MQTT_DYNSEC_USER ${username} may not use the dynamic-security plugin (no ${RESPONSE_TOPIC})`,
      );
    }
    return new DynsecControl(client);
  }

  /** Sends the commands in one message; resolves with one response per command. */
  send(commands: DynsecCommand[], timeoutMs = 15_000): Promise<DynsecResponse[]> {
    const run = this.queue.then(() => this.exchange(commands, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }

  private async exchange(commands: DynsecCommand[], timeoutMs: number): Promise<DynsecResponse[]> {
    const answered = new Promise<DynsecResponse[]>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.waiting = undefined;
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error(`the broker's dynamic-security plugin did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        commands: commands.map((command) => command.command),
        resolve: (responses) => (settle(), resolve(responses)),
        reject: (error) => (settle(), reject(error)),
      };
    });
    // The answer may fail while the publish is still awaiting its PUBACK: not unhandled.
    answered.catch(() => undefined);
    await this.client.publishAsync(CONTROL_TOPIC, JSON.stringify({ commands }), { qos: 1 });
    return answered;
  }

  private onResponse(payload: Buffer): void {
    let body: { responses?: DynsecResponse[] };
    try {
      body = JSON.parse(payload.toString()) as typeof body;
    } catch {
      return;
    }
    const responses = body.responses ?? [];
    const expected = this.waiting?.commands;
    const matches =
      expected?.length === responses.length &&
      responses.every((response, i) => response.command === expected[i]);
    if (matches) this.waiting!.resolve(responses);
  }
}

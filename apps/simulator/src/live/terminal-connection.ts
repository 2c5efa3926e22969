import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { topicFor } from '@fleet/telemetry/protocol/topics';

export interface ConnectionSettings {
  brokerUrl: string;
  protocolVersion: 4 | 5;
  keepaliveS: number;
  sessionExpiryS: number;
  password?: string;
}

export interface ConnectionEvents {
  onConnect(): void;
  onClose(wasConnected: boolean): void;
  onError(error: Error): void;
}

/**
 * One terminal's MQTT session, as firmware opens it: client id = terminal id, persistent
 * session, QoS 1, and a retained Last Will on its status topic.
 */
export class TerminalConnection {
  private readonly client: MqttClient;
  private isConnected = false;

  constructor(
    readonly terminalId: string,
    settings: ConnectionSettings,
    will: object,
    events: ConnectionEvents,
  ) {
    const options: IClientOptions = {
      clientId: terminalId,
      clean: false,
      protocolVersion: settings.protocolVersion,
      keepalive: settings.keepaliveS,
      reconnectPeriod: 5000,
      connectTimeout: 10_000,
      will: { topic: topicFor(terminalId, 'status'), payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: true },
      ...(settings.password !== undefined ? { username: terminalId, password: settings.password } : {}),
      // MQTT 5 ends a session at disconnect unless it is given a lifetime.
      ...(settings.protocolVersion === 5 ? { properties: { sessionExpiryInterval: settings.sessionExpiryS } } : {}),
    };
    this.client = mqtt.connect(settings.brokerUrl, options);
    this.client.on('connect', () => {
      this.isConnected = true;
      events.onConnect();
    });
    this.client.on('close', () => {
      const was = this.isConnected;
      this.isConnected = false;
      events.onClose(was);
    });
    this.client.on('error', (error) => events.onError(error));
  }

  get connected(): boolean {
    return this.isConnected;
  }

  /** QoS 1; queued by MQTT.js while the connection is still opening. Resolves on PUBACK. */
  publish(channel: Parameters<typeof topicFor>[1], payload: object, retain: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.publish(topicFor(this.terminalId, channel), JSON.stringify(payload), { qos: 1, retain }, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  /** The link dies without DISCONNECT, so the broker publishes the Last Will. */
  drop(): void {
    // A link that dies before the broker accepted it leaves no will; die just after instead.
    if (this.isConnected) this.client.end(true);
    else this.client.once('connect', () => this.client.end(true));
  }

  /** Clean DISCONNECT after in-flight messages are acknowledged: no Last Will. */
  disconnect(timeoutMs = 5000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.client.end(true);
        resolve();
      }, timeoutMs);
      this.client.end(false, {}, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

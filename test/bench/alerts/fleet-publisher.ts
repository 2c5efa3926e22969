import mqtt, { type MqttClient } from 'mqtt';
import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';

export type Publish = {
  [C in Channel]: [terminalId: string, channel: C, payload: ChannelInputs[C]];
}[Channel];

/**
 * Publishes as terminals do (QoS 1, protocol v1 JSON) over a few MQTT connections, each
 * keeping `window` messages in flight, and resolves once every PUBACK is in.
 */
export class FleetPublisher {
  private constructor(
    private readonly clients: MqttClient[],
    private readonly window: number,
  ) {}

  static async connect(brokerUrl: string, connections: number, window: number): Promise<FleetPublisher> {
    const clients = await Promise.all(
      Array.from({ length: Math.max(1, connections) }, (_, n) =>
        mqtt.connectAsync(brokerUrl, { protocolVersion: 4, clientId: `bench-alerts-${process.pid}-${n}` }),
      ),
    );
    return new FleetPublisher(clients, Math.max(1, window));
  }

  async publish(messages: readonly Publish[]): Promise<void> {
    let next = 0;
    const lane = async (client: MqttClient) => {
      const inFlight = new Set<Promise<unknown>>();
      while (next < messages.length) {
        const [terminalId, channel, payload] = messages[next++]!;
        const sent = client.publishAsync(topicFor(terminalId, channel), JSON.stringify(payload), { qos: 1 });
        inFlight.add(sent);
        const done = () => inFlight.delete(sent);
        sent.then(done, done);
        if (inFlight.size >= this.window) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    };
    await Promise.all(this.clients.map(lane));
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.endAsync()));
  }
}

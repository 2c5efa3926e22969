import mqtt from 'mqtt';
import { FLEET_WILDCARD } from '@fleet/telemetry/protocol/topics';
import type { PhaseProbe } from './phase';

/** The raw MQTT.js ceiling: a QoS 1 subscriber that only counts (MQTT.js acks each one at once). */
export async function startCeilingSubscriber(url: string, probe: PhaseProbe): Promise<() => Promise<void>> {
  const client = await mqtt.connectAsync(url, {
    clientId: `bench-ceiling-${Date.now()}`,
    protocolVersion: 5,
    clean: true,
    reconnectPeriod: 0,
  });
  client.on('message', () => probe.done(1, Date.now()));
  await client.subscribeAsync(`$share/ceiling${Date.now()}/${FLEET_WILDCARD}`, { qos: 1 });
  return () => client.endAsync();
}

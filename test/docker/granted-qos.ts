import type { MqttClient } from 'mqtt';

/** The SUBACK's granted QoS for `topic` (128 = refused; mqtt.js raises that as an error carrying the SUBACK). */
export async function grantedQos(client: MqttClient, topic: string): Promise<number> {
  try {
    return (await client.subscribeAsync(topic, { qos: 1 }))[0]!.qos;
  } catch (error) {
    const refused = (error as { packet?: { granted?: number[] } }).packet?.granted?.[0];
    if (refused === undefined) throw error;
    return refused;
  }
}

import mqtt, { type MqttClient } from 'mqtt';

/** Connects as a terminal would; resolves with the client or rejects with the broker's refusal. */
export function connectDevice(
  url: string,
  clientId: string,
  username?: string,
  password?: string,
): Promise<MqttClient> {
  const client = mqtt.connect(url, {
    clientId,
    username,
    password,
    reconnectPeriod: 0,
    protocolVersion: 4,
    connectTimeout: 5000,
  });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
  });
}

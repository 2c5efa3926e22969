import { afterEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { AllowAllDeviceAuthorizer, type DeviceAuthorizer, type DeviceClient } from './device-authorizer';
import { EmbeddedBroker } from './embedded-broker';

const brokers: EmbeddedBroker[] = [];
afterEach(async () => {
  await Promise.all(brokers.splice(0).map((broker) => broker.close()));
});

async function start(authorizer: DeviceAuthorizer = new AllowAllDeviceAuthorizer(), port = 0) {
  const broker = await EmbeddedBroker.start({ port, host: '127.0.0.1', authorizer });
  brokers.push(broker);
  return broker;
}

/** Lets T1 connect with password "s1" and publish only under its own topics. */
class OwnTopicsOnly implements DeviceAuthorizer {
  readonly seen: DeviceClient[] = [];
  async authenticate(client: DeviceClient, password: Buffer | undefined) {
    this.seen.push(client);
    return client.username === 'T1' && password?.toString() === 's1';
  }
  async authorizePublish(client: DeviceClient, topic: string) {
    return topic.startsWith(`fleet/v1/${client.username}/`);
  }
  async authorizeSubscribe() {
    return false;
  }
}

describe('EmbeddedBroker', () => {
  it('binds a free port when asked for port 0 and accepts MQTT clients there', async () => {
    const broker = await start();
    expect(broker.port).toBeGreaterThan(0);
    const client = await mqtt.connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0 });
    await client.endAsync();
  });

  it('stops start-up with one line when the port is taken', async () => {
    const first = await start();
    await expect(start(new AllowAllDeviceAuthorizer(), first.port)).rejects.toThrow(
      new RegExp(`^MQTT_PORT ${first.port} is already in use$`),
    );
  });

  it('asks the DeviceAuthorizer at CONNECT and refuses a wrong secret', async () => {
    const authorizer = new OwnTopicsOnly();
    const broker = await start(authorizer);
    await expect(
      mqtt.connectAsync(broker.url, { clientId: 'T1', username: 'T1', password: 'nope', reconnectPeriod: 0 }),
    ).rejects.toThrow(/Not authorized/i);
    const ok = await mqtt.connectAsync(broker.url, {
      clientId: 'T1',
      username: 'T1',
      password: 's1',
      reconnectPeriod: 0,
    });
    expect(authorizer.seen.at(-1)).toEqual({ clientId: 'T1', username: 'T1' });
    await ok.endAsync();
  });

  it('lets the platform client bypass device auth, and hears a device on its own topics', async () => {
    const broker = await start(new OwnTopicsOnly());
    const { username, password } = broker.internalCredentials;
    const platform = await mqtt.connectAsync(broker.url, { username, password, reconnectPeriod: 0 });
    const granted = await platform.subscribeAsync('fleet/v1/+/+', { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
    const got = new Promise<string>((resolve) => platform.on('message', (topic) => resolve(topic)));

    const device = await mqtt.connectAsync(broker.url, {
      clientId: 'T1',
      username: 'T1',
      password: 's1',
      reconnectPeriod: 0,
    });
    await device.publishAsync('fleet/v1/T1/paper', '{}', { qos: 1 });
    expect(await got).toBe('fleet/v1/T1/paper');
    await platform.endAsync();
    await device.endAsync();
  });

  it('refuses an MQTT 5 CONNECT clearly: aedes speaks 3.1.1 only (PROTOCOL.md §1)', async () => {
    const broker = await start();
    await expect(
      mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5000 }),
    ).rejects.toThrow(/unacceptable protocol version|Unsupported Protocol Version/i);
  });
});

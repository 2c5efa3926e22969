import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';
import { AllowAllDeviceAuthorizer } from './device-authorizer';
import { EmbeddedBroker } from './embedded-broker';

/** The first IPv4 address of this machine that is not loopback, if it has one. */
function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
}

function tcpReachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const brokers: EmbeddedBroker[] = [];
afterEach(async () => {
  await Promise.all(brokers.splice(0).map((broker) => broker.close()));
});

async function startWith(env: NodeJS.ProcessEnv): Promise<EmbeddedBroker> {
  const config = loadConfig({ MQTT_PORT: '0', ...env });
  const broker = await EmbeddedBroker.start({
    port: config.mqttPort,
    host: config.mqttHost,
    authorizer: new AllowAllDeviceAuthorizer(),
  });
  brokers.push(broker);
  return broker;
}

const lan = networkAddress();

describe.skipIf(!lan)('the embedded broker’s interface (MQTT_HOST)', () => {
  it('listens on loopback only by default, so a laptop demo is not on the network', async () => {
    const broker = await startWith({});
    expect(await tcpReachable('127.0.0.1', broker.port)).toBe(true);
    expect(await tcpReachable(lan!, broker.port)).toBe(false);
  });

  it('listens on every interface when MQTT_HOST=0.0.0.0', async () => {
    const broker = await startWith({ MQTT_HOST: '0.0.0.0' });
    expect(await tcpReachable(lan!, broker.port)).toBe(true);
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);
  });
});

import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import * as mqttPacket from 'mqtt-packet';
import { AllowAllDeviceAuthorizer, type DeviceAuthorizer } from '../broker/device-authorizer';
import { EmbeddedBroker } from '../broker/embedded-broker';
import { freePort } from '../../../../test/support/mosquitto';
import { DeferredAckSubscriber, type InboundPublish } from './deferred-ack-subscriber';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function broker(authorizer: DeviceAuthorizer = new AllowAllDeviceAuthorizer()) {
  const started = await EmbeddedBroker.start({ port: 0, host: '127.0.0.1', authorizer });
  cleanups.push(() => started.close());
  return started;
}

function subscriber(
  url: string,
  onMessage: (m: InboundPublish) => void,
  extra: { username?: string; password?: string } = {},
) {
  const sub = new DeferredAckSubscriber({
    url,
    clientId: 'ingest-under-test',
    protocolVersion: 4,
    topic: 'fleet/v1/+/+',
    onMessage,
    ...extra,
  });
  cleanups.push(() => sub.stop());
  return sub;
}

/** Collects deliveries and resolves when `count` have arrived. */
function inbox() {
  const received: InboundPublish[] = [];
  let waiter: { count: number; resolve: () => void } | null = null;
  return {
    received,
    onMessage: (m: InboundPublish) => {
      received.push(m);
      if (waiter && received.length >= waiter.count) waiter.resolve();
    },
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (received.length >= count) resolve();
        else waiter = { count, resolve };
      }),
  };
}

/** A broker that grants the CONNECT at once and hands the test each SUBSCRIBE to answer. */
async function slowSubackBroker() {
  const subscribes: Array<{ socket: Socket; messageId: number }> = [];
  const server = createServer((socket) => {
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet: mqttPacket.Packet) => {
      if (packet.cmd === 'connect')
        socket.write(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false }));
      if (packet.cmd === 'subscribe') {
        subscribes.push({ socket, messageId: packet.messageId! });
        server.emit('subscribe');
      }
    });
    socket.on('data', (chunk: Buffer) => parser.parse(chunk));
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((done) => server.close(done)));
  const grant = () => {
    const { socket, messageId } = subscribes[0]!;
    socket.write(mqttPacket.generate({ cmd: 'suback', messageId, granted: [1] }));
  };
  return { url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`, server, grant };
}

describe('DeferredAckSubscriber', () => {
  it('counts as connected only once the broker has granted the subscription', async () => {
    const fake = await slowSubackBroker();
    const sub = subscriber(fake.url, () => undefined);
    const connected = new Promise((resolve) => sub.once('connected', resolve));
    const subscribed = once(fake.server, 'subscribe');
    const started = sub.start();
    await subscribed; // CONNACK is in, SUBSCRIBE sent: the broker routes nothing to us yet
    expect(sub.connected).toBe(false);
    fake.grant();
    await Promise.all([started, connected]);
    expect(sub.connected).toBe(true);
  });

  it('fails start with one line naming the broker when nothing listens', async () => {
    const url = `mqtt://127.0.0.1:${await freePort()}`;
    await expect(subscriber(url, () => undefined).start()).rejects.toThrow(
      new RegExp(`^MQTT broker ${url}: connect ECONNREFUSED`),
    );
  });

  it('fails start with the CONNACK reason when the broker refuses the credentials', async () => {
    const deny: DeviceAuthorizer = {
      ...new AllowAllDeviceAuthorizer(),
      authenticate: async () => false,
      authorizePublish: async () => true,
      authorizeSubscribe: async () => true,
    };
    const { url } = await broker(deny);
    await expect(subscriber(url, () => undefined, { username: 'x', password: 'y' }).start()).rejects.toThrow(
      'broker refused the connection: not authorized (code 5)',
    );
  });

  it('acks only what was acked, so the broker redelivers the rest to the next session', async () => {
    const { url } = await broker();
    const first = inbox();
    const sub = subscriber(url, first.onMessage);
    await sub.start();
    const device = await mqtt.connectAsync(url, { clientId: 'T1', reconnectPeriod: 0 });
    cleanups.push(() => device.endAsync());
    for (const n of [1, 2, 3]) await device.publishAsync('fleet/v1/T1/paper', `m${n}`, { qos: 1 });
    await first.until(3);
    first.received[0]?.ack();
    await sub.stop();

    const second = inbox();
    const restarted = subscriber(url, second.onMessage);
    await restarted.start();
    await second.until(2);
    expect(second.received.map((m) => m.payload.toString())).toEqual(['m2', 'm3']);
  });
});

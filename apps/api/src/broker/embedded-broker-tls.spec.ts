import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowAllDeviceAuthorizer } from './device-authorizer';
import { EmbeddedBroker } from './embedded-broker';

describe('EmbeddedBroker with a certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  let broker: EmbeddedBroker;

  beforeAll(async () => {
    // A self-signed certificate for 127.0.0.1, made with the machine's openssl.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    broker = await EmbeddedBroker.start({
      port: 0,
      host: '127.0.0.1',
      authorizer: new AllowAllDeviceAuthorizer(),
      tls: { certFile, keyFile },
    });
  });
  afterAll(async () => {
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts terminals over TLS and hands the platform a plain loopback listener', async () => {
    const received = new Promise<string>((resolve) => {
      void mqtt
        .connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0 })
        .then(async (platform) => {
          platform.on('message', (_topic, payload) => {
            resolve(payload.toString());
            void platform.endAsync();
          });
          await platform.subscribeAsync('fleet/v1/+/+', { qos: 1 });
          const terminal = await mqtt.connectAsync(`mqtts://127.0.0.1:${broker.port}`, {
            ca: readFileSync(certFile),
            protocolVersion: 4,
            reconnectPeriod: 0,
          });
          await terminal.publishAsync('fleet/v1/TLS-1/paper', '{"status":"ok"}', { qos: 1 });
          await terminal.endAsync();
        });
    });
    expect(await received).toBe('{"status":"ok"}');
    expect(broker.url).not.toBe(`mqtt://127.0.0.1:${broker.port}`);
  });

  it('refuses plain MQTT on the TLS port', async () => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${broker.port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    const outcome = await new Promise<string>((resolve) => {
      client.once('connect', () => resolve('connected'));
      client.once('close', () => resolve('closed'));
    });
    client.end(true);
    expect(outcome).toBe('closed');
  });

  it('names an unreadable certificate file in one line', async () => {
    await expect(
      EmbeddedBroker.start({
        port: 0,
        authorizer: new AllowAllDeviceAuthorizer(),
        tls: { certFile: join(dir, 'missing.pem'), keyFile },
      }),
    ).rejects.toThrow(/^MQTT_TLS_CERT: cannot read .*missing\.pem \(ENOENT\)$/);
  });
});

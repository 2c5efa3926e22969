import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH } from '@fleet/telemetry/live/events';
import { callJson, loginToken } from '../../apps/api/src/auth/testing/http-client';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../../apps/api/src/broker/broker-endpoint';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { JsonLogger } from '../../apps/api/src/logging/json-logger';
import { startPlatform, type RunningPlatform } from '../../apps/api/src/platform';

export const ADMIN = { username: 'admin', password: 'platform-test-admin' };

export interface TestPlatform {
  platform: RunningPlatform;
  api: string;
  brokerUrl: string;
  adminToken: string;
  call: (method: string, path: string, options?: { body?: unknown; token?: string }) => ReturnType<typeof callJson>;
  stop(): Promise<void>;
}

/** The whole platform in-process on free ports, embedded broker and a throwaway data dir. */
export async function bootPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-platform-'));
  const config = loadConfig({
    PORT: '0',
    MQTT_PORT: '0',
    DATA_DIR: dataDir,
    FLEET_DEVICE_AUTH: 'off',
    FLEET_ADMIN_USER: ADMIN.username,
    FLEET_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    INGEST_FLUSH_MS: '20',
    ...env,
  });
  const platform = await startPlatform(config, new JsonLogger('silent'));
  const api = `${platform.url}/api/v1`;
  const broker = platform.app.get<BrokerEndpoint>(BROKER_ENDPOINT);
  const adminToken = await loginToken(api, ADMIN.username, ADMIN.password);
  return {
    platform,
    api,
    brokerUrl: broker.url,
    adminToken,
    call: (method, path, options = {}) => callJson(api, method, path, { token: adminToken, ...options }),
    async stop() {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The dashboard's socket, connected with `token` (rejects when the server refuses it). */
export function connectSocket(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { path: SOCKET_PATH, auth: { token }, transports: ['websocket'] });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Polls until `probe` returns a value, for data that arrives through the broker. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

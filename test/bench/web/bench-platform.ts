import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginToken } from '../../../apps/api/src/auth/testing/http-client';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../../../apps/api/src/broker/broker-endpoint';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { JsonLogger } from '../../../apps/api/src/logging/json-logger';
import { startPlatform, type RunningPlatform } from '../../../apps/api/src/platform';

export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };

export interface BenchPlatform {
  platform: RunningPlatform;
  /** Base URL of the dashboard, e.g. http://localhost:41234 */
  url: string;
  api: string;
  brokerUrl: string;
  token: string;
  bootSeconds: number;
  stop(): Promise<void>;
}

/**
 * The real platform in this process, as production runs it against PostgreSQL: free ports,
 * the embedded broker, device auth off (the bench publishes as any terminal), default
 * ingest and risk settings.
 */
export async function startBenchPlatform(databaseUrl: string): Promise<BenchPlatform> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-bench-web-'));
  try {
    const config = loadConfig({
      PORT: '0',
      MQTT_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      FLEET_DEVICE_AUTH: 'off',
      FLEET_ADMIN_USER: BENCH_ADMIN.username,
      FLEET_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: 'warn',
    });
    const platform = await startPlatform(config, new JsonLogger('warn'));
    const api = `${platform.url}/api/v1`;
    const broker = platform.app.get<BrokerEndpoint>(BROKER_ENDPOINT);
    const token = await loginToken(api, BENCH_ADMIN.username, BENCH_ADMIN.password);
    return {
      platform,
      url: platform.url,
      api,
      brokerUrl: broker.url,
      token,
      bootSeconds: (Date.now() - started) / 1000,
      async stop() {
        await platform.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

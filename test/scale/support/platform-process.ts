import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { endChild, exited } from '../../support/child-exit';
import { freePort } from '../../support/free-port';

/**
 * One REAL built platform process (`node apps/api/dist/main.js`) of a cluster, against a
 * database server and an external broker the test owns.
 */

const ROOT = resolve(__dirname, '../../..');
export const MAIN_ENTRY = join(ROOT, 'apps/api/dist/main.js');
const BOOT_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export const ADMIN = { username: 'admin', password: 'scale-admin-Pw1' };

export interface PlatformProcessOptions {
  databaseUrl: string;
  mqttUrl: string;
  /** FLEET_ROLES; undefined: the single process of `npm start`. */
  roles?: string;
  env?: Record<string, string>;
}

export interface PlatformProcess {
  name: string;
  baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Lines of its JSON log whose message matches. */
  logged(pattern: RegExp): string[];
  /** SIGTERM, then SIGKILL after a grace. */
  stop(): Promise<void>;
  /** `kill -9`: it dies at once, mid-whatever. */
  kill(): Promise<void>;
}

/** What is missing to spawn the built platform, or undefined. */
export function builtPlatformMissing(): string | undefined {
  return existsSync(MAIN_ENTRY) ? undefined : `${MAIN_ENTRY} is missing: run \`npm run build\` first`;
}

export async function startPlatformProcess(
  name: string,
  options: PlatformProcessOptions,
): Promise<PlatformProcess> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [MAIN_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      MQTT_URL: options.mqttUrl,
      FLEET_DEVICE_AUTH: 'off',
      FLEET_ADMIN_USER: ADMIN.username,
      FLEET_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'info',
      ...(options.roles === undefined ? {} : { FLEET_ROLES: options.roles }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const end = (signal: 'SIGTERM' | 'SIGKILL') => endChild(child, signal, STOP_TIMEOUT_MS);
  const running: PlatformProcess = {
    name,
    baseUrl,
    output: () => log,
    logged: (pattern) => log.split('\n').filter((line) => pattern.test(line)),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
  try {
    await waitForHealth(running, child);
  } catch (error) {
    await end('SIGKILL');
    throw error;
  }
  return running;
}

async function waitForHealth(platform: PlatformProcess, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  const died = exited(child);
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${platform.name} exited before it was healthy:\n${platform.output()}`);
    try {
      const response = await fetch(`${platform.baseUrl}/api/v1/health`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await Promise.race([new Promise((r) => setTimeout(r, 250)), died]);
  }
  throw new Error(
    `${platform.name} not healthy after ${BOOT_TIMEOUT_MS / 1000} s (${last}):\n${platform.output()}`,
  );
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { endChild, exited } from '../../support/child-exit';
import { freePort } from '../../support/free-port';

/**
 * The REAL built platform as a child process (`node apps/api/dist/demo.js`): embedded
 * broker and database, a simulated fleet, the dashboard served from apps/web/dist.
 */

const ROOT = resolve(__dirname, '../../..');
export const DEMO_ENTRY = join(ROOT, 'apps/api/dist/demo.js');
export const WEB_DIST = join(ROOT, 'apps/web/dist/index.html');
// Boot plus the demo back-fill, which takes minutes on a loaded two-core machine.
const BOOT_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningPlatform {
  baseUrl: string;
  mqttUrl: string;
  admin: { username: string; password: string };
  /** The demo fleet's seed and size (DEMO_SEED, DEMO_FLEET_SIZE): buildFleet makes the same fleet. */
  fleet: { seed: number; size: number; nowCandidates: number[] };
  /** Everything the platform printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** `kill -9`: the process dies at once, its data (DATA_DIR or DATABASE_URL) stays. */
  kill(): Promise<void>;
  /** Starts the platform again on the same ports and data, as a supervisor would. */
  startAgain(): Promise<void>;
}

export interface PlatformOptions {
  fleetSize?: number;
  seed?: number;
  /** Extra environment for the platform (e.g. a short FLEET_ACCESS_TOKEN_TTL_S). */
  env?: Record<string, string>;
}

const HOUR = 3_600_000;

/**
 * The demo builds its fleet with `now` = the hour it started in, some time between spawn
 * and health: every hour in that span (nearly always one) may be it.
 */
function hoursBetween(from: number, to: number): number[] {
  const hours: number[] = [];
  for (let hour = Math.floor(from / HOUR) * HOUR; hour <= to; hour += HOUR) hours.push(hour);
  return hours;
}

/** What is missing for the platform to start, or undefined when it can. */
export function platformMissing(): string | undefined {
  if (!existsSync(DEMO_ENTRY)) return `${DEMO_ENTRY} is missing: run \`npm run build\` first`;
  if (!existsSync(WEB_DIST)) return `${WEB_DIST} is missing: run \`npm run build\` first`;
  return undefined;
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  withFleet: boolean,
): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  let last = 'no answer yet';
  const died = exited(child).then((code) => code);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`platform exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      const body = await response.text();
      // Wait for the demo fleet to finish its back-fill: until then history floods the pages.
      // Without a fleet there is no demo to wait for (health then has no `demo`).
      const demo = (JSON.parse(body) as { demo?: { phase: string } }).demo;
      if (response.status === 200 && (withFleet ? demo?.phase === 'live' : true)) return;
      last = `${response.status} ${body}`;
    } catch (error) {
      last = (error as Error).message;
    }
    // Poll every 250 ms, but wake at once if the process dies meanwhile.
    await Promise.race([new Promise((r) => setTimeout(r, 250)), died]);
  }
  throw new Error(`platform not healthy after ${BOOT_TIMEOUT_MS / 1000} s (last: ${last}):\n${output()}`);
}

export async function startPlatform({
  fleetSize = 60,
  seed = 42,
  env = {},
}: PlatformOptions = {}): Promise<RunningPlatform> {
  const [port, mqttPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-e2e-'));
  const admin = { username: 'admin', password: `e2e-${Math.random().toString(36).slice(2)}-Pw1` };
  const spawnedAt = Date.now();
  const spawnEnv = {
    ...process.env,
    PORT: String(port),
    MQTT_PORT: String(mqttPort),
    DATA_DIR: dataDir,
    DEMO_FLEET_SIZE: String(fleetSize),
    DEMO_SEED: String(seed),
    FLEET_ADMIN_USER: admin.username,
    FLEET_ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'warn',
    ...env,
  };
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  const output = () => log;
  const launch = (): ChildProcess => {
    const launched = spawn(process.execPath, [DEMO_ENTRY], {
      cwd: ROOT,
      env: spawnEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launched.stdout?.on('data', keep);
    launched.stderr?.on('data', keep);
    return launched;
  };
  let child = launch();

  const end = (signal: 'SIGTERM' | 'SIGKILL') => endChild(child, signal, STOP_TIMEOUT_MS);
  const stop = async () => {
    await end('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const healthy = async () => {
    try {
      await waitForHealth(baseUrl, child, output, fleetSize > 0);
    } catch (error) {
      await stop();
      throw error;
    }
  };
  await healthy();
  const fleet = { seed, size: fleetSize, nowCandidates: hoursBetween(spawnedAt, Date.now()) };
  return {
    baseUrl,
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    admin,
    fleet,
    output,
    stop,
    kill: () => end('SIGKILL'),
    async startAgain() {
      child = launch();
      await healthy();
    },
  };
}

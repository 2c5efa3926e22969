import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real platform (apps/api/dist/main.js) as a child process, so it can be kill -9'd,
 * configured as docker/docker-compose.yml runs it: device auth on, the broker's accounts
 * kept through Mosquitto's dynamic security.
 */
const MAIN = resolve(__dirname, '../../../apps/api/dist/main.js');

export interface PlatformEnv {
  /** With the ingestor's own login, as in production (mqtt://fleet.ingest:secret@host:port). */
  mqttUrl: string;
  /** Mosquitto's dynamic-security admin: the platform keeps the broker's accounts (unset: it does not). */
  dynsec?: { username: string; password: string };
  databaseUrl: string;
  port: number;
  adminUser: string;
  adminPassword: string;
}

export class PlatformProcess {
  private child: ChildProcess | undefined;
  constructor(private readonly env: PlatformEnv) {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run npm run build first`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.env.port}`;
  }

  /** Unexpected exits (not our kill -9); a supervisor (systemd, docker restart) would restart it. */
  crashes = 0;
  private stopping = false;

  async start(): Promise<void> {
    this.stopping = false;
    const child = spawn(process.execPath, ['--max-semi-space-size=64', MAIN], {
      env: {
        ...process.env,
        PORT: String(this.env.port),
        MQTT_URL: this.env.mqttUrl,
        DATABASE_URL: this.env.databaseUrl,
        FLEET_ADMIN_USER: this.env.adminUser,
        FLEET_ADMIN_PASSWORD: this.env.adminPassword,
        ...(this.env.dynsec
          ? { MQTT_DYNSEC_USER: this.env.dynsec.username, MQTT_DYNSEC_PASSWORD: this.env.dynsec.password }
          : {}),
        FLEET_DEVICE_AUTH: 'on',
        DEMO_FLEET_SIZE: '0',
        LOG_LEVEL: process.env.BENCH_PLATFORM_LOG ?? 'warn',
      },
      stdio: ['ignore', process.env.BENCH_PLATFORM_LOG ? 'inherit' : 'ignore', 'inherit'],
    });
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.stopping || this.child !== child) return;
      this.crashes += 1;
      console.log(`platform exited unexpectedly (${code ?? signal}); restarting it as a supervisor would`);
      this.start().catch((error: unknown) => console.log(`platform restart failed: ${String(error)}`));
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null && !this.crashes)
        throw new Error(`platform exited during start-up (${child.exitCode})`);
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health`);
        if (res.status < 500) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('platform did not answer /api/v1/health within 60 s');
  }

  /** Waits until the platform's health says its ingestor is on the broker; returns when. */
  async brokerReachable(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health`);
        const body = (await res.json()) as { broker?: { reachable?: boolean } };
        if (body.broker?.reachable) return Date.now();
      } catch {
        /* restarting */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the platform was not back on the broker within ${timeoutMs / 1000} s`);
  }

  async killHard(): Promise<void> {
    const c = this.child;
    this.stopping = true;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((done) => c.once('exit', done));
    c.kill('SIGKILL');
    await exited;
  }
}

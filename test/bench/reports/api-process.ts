import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/free-port';

const MAIN = resolve(__dirname, '../../../apps/api/dist/main.js');

const START_TIMEOUT_MS = 300_000;

export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };

/**
 * The built platform (apps/api/dist/main.js) in a child process, as production runs it
 * against PostgreSQL, so its memory is its own: peak RSS is read from /proc/<pid>/status
 * (VmHWM), and reset to the current RSS before each measured download (clear_refs 5).
 */
export class ApiProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    readonly api: string,
  ) {}

  static async start(databaseUrl: string): Promise<ApiProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run npm run build first`);
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'fleet-bench-reports-'));
    const child = spawn(process.execPath, ['--max-semi-space-size=64', MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        MQTT_PORT: String(await freePort()),
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        FLEET_ADMIN_USER: BENCH_ADMIN.username,
        FLEET_ADMIN_PASSWORD: BENCH_ADMIN.password,
        FLEET_DEVICE_AUTH: 'off',
        DEMO_FLEET_SIZE: '0',
        LOG_LEVEL: process.env.BENCH_PLATFORM_LOG ?? 'warn',
      },
      stdio: ['ignore', process.env.BENCH_PLATFORM_LOG ? 'inherit' : 'ignore', 'inherit'],
    });
    const api = new ApiProcess(child, dataDir, `http://127.0.0.1:${port}/api/v1`);
    // Start-up loads the whole fleet (risk engine, map): minutes for 100,000 terminals on a busy machine.
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the platform exited during start-up (${child.exitCode})`);
      try {
        if ((await fetch(`${api.api}/health`)).status < 500) return api;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await api.stop();
    throw new Error(`the platform did not answer /api/v1/health within ${START_TIMEOUT_MS / 1000} s`);
  }

  private status(field: 'VmHWM' | 'VmRSS'): number {
    const text = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(text);
    if (!kb) throw new Error(`no ${field} in /proc/${this.child.pid}/status`);
    return Number(kb[1]) / 1024;
  }

  /** Peak resident memory in MB since the last reset. */
  peakRssMb(): number {
    return this.status('VmHWM');
  }

  rssMb(): number {
    return this.status('VmRSS');
  }

  /** Starts the peak over from the current RSS. */
  resetPeak(): void {
    writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

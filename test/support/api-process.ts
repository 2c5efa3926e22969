import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built production entry point, as each process of a scaled-out deployment runs it. */
export const API_MAIN = resolve(__dirname, '../../apps/api/dist/main.js');
const BOOT_TIMEOUT_MS = 90_000;

export interface ApiProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The platform's process (`unshare` and `sh` exec into it, so it keeps the pid). */
  pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Spawns `node apps/api/dist/main.js` with `env` (on top of PATH) and waits until
 * /api/v1/health answers. `hostname` runs it in its own UTS namespace under that name (root
 * only), as a container would be: processes that name themselves by host then differ.
 */
export async function startApiProcess(
  port: number,
  env: Record<string, string>,
  hostname?: string,
): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npm run build first`);
  const node = [process.execPath, '--max-semi-space-size=64', API_MAIN];
  const [command, ...args] = hostname
    ? ['unshare', '--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', hostname, ...node]
    : node;
  const child = spawn(command!, args, {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await healthy(url, child, () => log);
  return {
    url,
    pid: child.pid!,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function healthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${API_MAIN} exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not answer /api/v1/health within ${BOOT_TIMEOUT_MS / 1000} s:\n${output()}`);
}

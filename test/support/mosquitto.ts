import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

// Specs that start a broker take the port helper from here too.
export { freePort };

/**
 * A private Mosquitto for tests and benchmarks of delivery (ingest, faults): the project's
 * docker config with its queue and in-flight settings, the listener moved to
 * 127.0.0.1:<free port>, persistence off, in a temp dir, and without its accounts (no TLS
 * listener, no dynamic-security plugin, anonymous clients allowed). The accounts themselves
 * are proven on the full shipped config in test/docker/mosquitto-security.medium.spec.ts.
 */

export const MOSQUITTO_BIN = process.env.MOSQUITTO_BIN ?? '/usr/sbin/mosquitto';
const DOCKER_CONF = resolve(__dirname, '../../docker/mosquitto/mosquitto.conf');
const START_TIMEOUT_MS = 10_000;

export interface PrivateMosquitto {
  url: string;
  port: number;
  /** For reading its memory (bench:scale). */
  pid: number;
  stop(): Promise<void>;
}

/** Whether tests can spawn Mosquitto here; they skip when not (and fail under CI). */
export function mosquittoAvailable(): boolean {
  return existsSync(MOSQUITTO_BIN);
}

/** The docker config adapted to a private listener. */
export function privateMosquittoConf(port: number, dir: string): string {
  const lines = readFileSync(DOCKER_CONF, 'utf8').split('\n');
  const kept = lines.filter(
    (line) =>
      !/^\s*(listener|persistence|persistence_location|autosave_interval|certfile|keyfile|tls_version|allow_anonymous|plugin|plugin_opt_\w+)\b/.test(
        line,
      ),
  );
  return [
    ...kept,
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    'persistence false',
    `log_dest file ${join(dir, 'mosquitto.log')}`,
    'log_type error',
    'log_type warning',
    'log_type notice',
    '',
  ].join('\n');
}

export async function startMosquitto(): Promise<PrivateMosquitto> {
  if (!mosquittoAvailable()) throw new Error(`Mosquitto not found at ${MOSQUITTO_BIN}`);
  const dir = mkdtempSync(join(tmpdir(), 'fleet-mosquitto-'));
  const port = await freePort();
  const confPath = join(dir, 'mosquitto.conf');
  writeFileSync(confPath, privateMosquittoConf(port, dir));
  const child = spawn(MOSQUITTO_BIN, ['-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await waitUntilListening(child, port, dir);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the log says the listener is open; rejects if Mosquitto exits first. */
function waitUntilListening(child: ChildProcess, port: number, dir: string): Promise<void> {
  return new Promise((resolveStart, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(
      () => finish(new Error(`Mosquitto did not open port ${port} in time`)),
      START_TIMEOUT_MS,
    );
    const onExit = (code: number | null) =>
      finish(new Error(`Mosquitto exited (${code}): ${stderr.trim() || readLog(dir)}`));
    child.once('exit', onExit);
    // Mosquitto signals readiness only by accepting connections, so probe until it does.
    const probe = () => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        finish();
      });
      socket.once('error', () => {
        socket.destroy();
        if (!done) setTimeout(probe, 25);
      });
    };
    let done = false;
    function finish(error?: Error) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolveStart();
    }
    probe();
  });
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'mosquitto.log'), 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return 'no log';
  }
}

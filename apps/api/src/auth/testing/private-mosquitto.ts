import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

export interface PrivateMosquitto {
  url: string;
  /** Asks the broker to re-read its password and ACL files (SIGHUP). */
  reload(): void;
  stop(): Promise<void>;
}

/** House rule: without Mosquitto, fail under CI and otherwise skip with a clear message. */
export function mosquittoAvailableOrSkip(): boolean {
  if (existsSync(MOSQUITTO_BIN)) return true;
  const message = `${MOSQUITTO_BIN} is not installed`;
  if (process.env.CI) throw new Error(`${message} (required under CI)`);
  console.warn(`${message}: skipping the Mosquitto tests`);
  return false;
}

/** Starts a Mosquitto on a free loopback port with the given password and ACL files. */
export async function startPrivateMosquitto(
  dir: string,
  passwordFile: string,
  aclFile: string,
): Promise<PrivateMosquitto> {
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwordFile}`,
      `acl_file ${aclFile}`,
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      // 'information' carries the "running" line that tells the broker is ready.
      'log_type information',
      // As root Mosquitto would drop to the mosquitto user, who cannot read 0600 root files.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );
  const child = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  await untilRunning(child);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    reload: () => child.kill('SIGHUP'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function untilRunning(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (/mosquitto version \S+ running/.test(log)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`mosquitto exited with ${code}: ${log.trim()}`)));
    child.once('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

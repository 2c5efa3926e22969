import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { freePort } from '../support/free-port';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

/**
 * The shipped config with only what differs on a test machine replaced: the listener
 * (a free loopback port instead of 0.0.0.0:1883) and the persistence folder.
 */
export function configForTest(shipped: string, port: number, dataDir: string): string {
  const listener = /^listener 1883 0\.0\.0\.0$/m;
  const persistence = /^persistence_location .*$/m;
  if (!listener.test(shipped) || !persistence.test(shipped)) {
    throw new Error('mosquitto.conf no longer has `listener 1883 0.0.0.0` and a persistence_location line');
  }
  return shipped
    .replace(listener, `listener ${port} 127.0.0.1`)
    .replace(persistence, `persistence_location ${dataDir}/`);
}

/** A real mosquitto process on its own port and data folder, restartable over the same data. */
export class MosquittoUnderTest {
  readonly url: string;
  private readonly dir: string;
  private child?: ChildProcess;
  private stderr = '';

  private constructor(
    readonly port: number,
    configOf: (port: number, dataDir: string) => string,
  ) {
    this.url = `mqtt://127.0.0.1:${port}`;
    this.dir = mkdtempSync(join(tmpdir(), 'fleet-mosquitto-'));
    // Started as root, mosquitto drops to its own user; it must still write its persistence file.
    chmodSync(this.dir, 0o777);
    writeFileSync(join(this.dir, 'mosquitto.conf'), configOf(port, this.dir));
  }

  static async start(configOf: (port: number, dataDir: string) => string): Promise<MosquittoUnderTest> {
    const broker = new MosquittoUnderTest(await freePort(), configOf);
    await broker.startProcess();
    return broker;
  }

  async restart(): Promise<void> {
    await this.stopProcess();
    await this.startProcess();
  }

  async stop(): Promise<void> {
    await this.stopProcess();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startProcess(): Promise<void> {
    this.stderr = '';
    const child = spawn(MOSQUITTO_BIN, ['-c', join(this.dir, 'mosquitto.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`mosquitto exited with ${code}: ${this.stderr.trim()}`))),
    );
    // Ready means a client can connect: retry quickly until it does or the process dies.
    const probe = mqtt.connect(this.url, {
      reconnectPeriod: 50,
      connectTimeout: 2_000,
      clientId: `probe-${this.port}`,
    });
    try {
      await Promise.race([new Promise((resolve) => probe.once('connect', resolve)), exited]);
    } finally {
      await probe.endAsync(true);
    }
    exited.catch(() => undefined);
  }

  private async stopProcess(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // SIGTERM lets mosquitto write its persistence file before exiting.
    child.kill('SIGTERM');
    await exited;
  }
}

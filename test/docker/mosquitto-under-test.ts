import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { freePort } from '../support/free-port';
import { writeSelfSignedCertificate, type TestPaths } from '../support/shipped-mosquitto-config';
import { repoRoot } from './repo-files';

export { configForTest, DYNSEC_PLUGIN, type TestPaths } from '../support/shipped-mosquitto-config';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';
/** The platform's broker admin in these tests, as docker/.env would set it. */
export const DYNSEC_ADMIN = { username: 'fleet-admin', password: 'admin-secret-for-tests' };

/**
 * A real mosquitto started by the shipped docker/mosquitto/start.sh (which creates the
 * dynamic-security file with the admin login), on its own ports and data folder, and
 * restartable over the same data.
 */
export class MosquittoUnderTest {
  readonly url: string;
  readonly tlsUrl: string;
  readonly dir: string;
  private child?: ChildProcess;
  private stderr = '';

  private constructor(
    readonly port: number,
    readonly tlsPort: number,
    configOf: (paths: TestPaths) => string,
  ) {
    this.url = `mqtt://127.0.0.1:${port}`;
    this.tlsUrl = `mqtts://127.0.0.1:${tlsPort}`;
    this.dir = mkdtempSync(join(tmpdir(), 'fleet-mosquitto-'));
    // Started as root, mosquitto drops to its own user; it must still write its data files.
    chmodSync(this.dir, 0o777);
    const certFile = join(this.dir, 'server.crt');
    const keyFile = join(this.dir, 'server.key');
    writeSelfSignedCertificate(certFile, keyFile);
    writeFileSync(
      join(this.dir, 'mosquitto.conf'),
      configOf({ port, tlsPort, dataDir: this.dir, certFile, keyFile }),
    );
  }

  /** `seed` may put files in the broker's folder first (e.g. a dynamic-security file). */
  static async start(
    configOf: (paths: TestPaths) => string,
    seed?: (dir: string) => Promise<void>,
  ): Promise<MosquittoUnderTest> {
    const broker = new MosquittoUnderTest(await freePort(), await freePort(), configOf);
    await seed?.(broker.dir);
    await broker.startProcess();
    return broker;
  }

  get certFile(): string {
    return join(this.dir, 'server.crt');
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
    const child = spawn('sh', [join(repoRoot, 'docker/mosquitto/start.sh')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: `/usr/sbin:/usr/bin:/bin`,
        MOSQUITTO_CONF: join(this.dir, 'mosquitto.conf'),
        DYNSEC_FILE: join(this.dir, 'dynamic-security.json'),
        MQTT_DYNSEC_USER: DYNSEC_ADMIN.username,
        MQTT_DYNSEC_PASSWORD: DYNSEC_ADMIN.password,
      },
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`mosquitto exited with ${code}: ${this.stderr.trim()}`))),
    );
    // Ready means the admin can log in: retry quickly until it does or the process dies.
    const probe = mqtt.connect(this.url, {
      ...DYNSEC_ADMIN,
      reconnectPeriod: 50,
      connectTimeout: 2_000,
      clientId: `probe-${this.port}`,
    });
    probe.on('error', () => undefined);
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

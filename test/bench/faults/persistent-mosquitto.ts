import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mqtt from 'mqtt';
import { freePort } from '../../support/free-port';
import { configForTest, writeSelfSignedCertificate } from '../../support/shipped-mosquitto-config';

/**
 * The shipped Mosquitto (docker/mosquitto/mosquitto.conf, started by its start.sh with the
 * dynamic-security plugin and persistence as shipped) on free loopback ports, so the bench
 * can SIGKILL it and start it again over the same data. `autosaveS` overrides the shipped
 * autosave_interval, to measure what another value costs and saves.
 */
export interface KillableMosquitto {
  /** The plain listener (the TLS one is up too; the bench's terminals use plain MQTT). */
  url: string;
  autosaveS: number;
  /** CPU seconds (user + system) the running broker has used. */
  cpuSeconds(): number;
  /** The dynamic-security plugin's file (start.sh creates it with the admin login). */
  accountsFile: string;
  kill(): Promise<void>;
  /** SIGTERM: Mosquitto saves its persistence and exits. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../..');
const SHIPPED = readFileSync(join(ROOT, 'docker/mosquitto/mosquitto.conf'), 'utf8');

export async function startPersistentMosquitto(
  admin: { username: string; password: string },
  autosaveS?: number,
): Promise<KillableMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-faults-mosq-'));
  chmodSync(dir, 0o777); // started as root, mosquitto drops to its own user and writes here
  const [port, tlsPort] = [await freePort(), await freePort()];
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  writeSelfSignedCertificate(certFile, keyFile);
  let conf = configForTest(SHIPPED, { port, tlsPort, dataDir: dir, certFile, keyFile });
  if (autosaveS !== undefined)
    conf = conf.replace(/^autosave_interval \d+$/m, `autosave_interval ${autosaveS}`);
  const shippedAutosave = Number(/^autosave_interval (\d+)$/m.exec(conf)?.[1]);
  const confPath = join(dir, 'mosquitto.conf');
  writeFileSync(confPath, `${conf}\nlog_dest file ${join(dir, 'mosquitto.log')}\n`);
  const url = `mqtt://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('sh', [join(ROOT, 'docker/mosquitto/start.sh')], {
      stdio: ['ignore', 'ignore', 'ignore'], // its log goes to mosquitto.log in its folder
      env: {
        PATH: '/usr/sbin:/usr/bin:/bin',
        MOSQUITTO_CONF: confPath,
        DYNSEC_FILE: join(dir, 'dynamic-security.json'),
        MQTT_DYNSEC_USER: admin.username,
        MQTT_DYNSEC_PASSWORD: admin.password,
      },
    });
    await adminCanLogIn(url, admin);
  };
  const signal = async (name: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((done) => c.once('exit', done));
    c.kill(name);
    await exited;
  };
  const kill = () => signal('SIGKILL');
  await start();
  return {
    url,
    autosaveS: shippedAutosave,
    cpuSeconds: () => cpuSecondsOf(child?.pid),
    accountsFile: join(dir, 'dynamic-security.json'),
    kill,
    stop: () => signal('SIGTERM'),
    start,
    destroy: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Ready means the plugin knows the admin: retry quickly until the login works (10 s). */
async function adminCanLogIn(url: string, admin: { username: string; password: string }): Promise<void> {
  const probe = mqtt.connect(url, {
    ...admin,
    reconnectPeriod: 50,
    connectTimeout: 2000,
    clientId: 'bench-probe',
  });
  probe.on('error', () => undefined);
  try {
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`Mosquitto at ${url} did not let the admin in`)), 10_000);
      probe.once('connect', () => (clearTimeout(timer), done()));
    });
  } finally {
    await probe.endAsync(true);
  }
}

function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return 0;
  }
}

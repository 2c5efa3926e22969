import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { MOSQUITTO_BIN, privateMosquittoConf } from '../../support/mosquitto';

/** The shipped Mosquitto config on a free port with persistence ON, so it can be SIGKILLed and restarted. */
export interface KillableMosquitto {
  url: string;
  kill(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPersistentMosquitto(): Promise<KillableMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-faults-mosq-'));
  const port = await freePort();
  const conf = privateMosquittoConf(port, dir).replace(
    'persistence false',
    `persistence true\npersistence_location ${dir}/\nautosave_interval 1`,
  );
  const confPath = join(dir, 'mosquitto.conf');
  writeFileSync(confPath, conf);
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(MOSQUITTO_BIN, ['-c', confPath], { stdio: 'ignore' });
    await listening(port);
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((done) => c.once('exit', done));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    kill,
    start,
    destroy: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function listening(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((done) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), done(true)));
      s.once('error', () => (s.destroy(), done(false)));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Mosquitto did not open port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

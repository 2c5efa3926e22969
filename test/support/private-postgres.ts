import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/** A private PostgreSQL that a bench or test may stop and start (never the shared one on 5432). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  url: string;
  /** fast: backends are told to end, like a maintenance stop; immediate: as if it crashed. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

/** Whether PostgreSQL's server binaries (initdb, pg_ctl) are here to start a private one. */
export function privatePostgresAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb'));
}

export async function startPostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-private-pg-'));
  const data = join(dir, 'data');
  // initdb refuses to run as root; then the server runs as the postgres user.
  if (process.getuid?.() === 0) chownSync(dir, POSTGRES_UID(), POSTGRES_GID());
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  const ctlArgs = (args: string[]) => ['-D', data, '-w', '-l', join(dir, 'pg.log'), ...args];
  run('pg_ctl', ctlArgs(['-o', opts, 'start']));
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'fleet']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/fleet`,
    // Asynchronous, so the caller's event loop (a publisher, the ingest under test) runs on meanwhile.
    stop: (mode = 'fast') => runAsync('pg_ctl', ctlArgs(['-m', mode, 'stop'])),
    start: () => runAsync('pg_ctl', ctlArgs(['-o', opts, 'start'])),
    destroy: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const asRoot = () => process.getuid?.() === 0;
const POSTGRES_UID = () => Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
const POSTGRES_GID = () => Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot()
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]]
    : [join(PG_BIN, bin), args];
}

function run(bin: string, args: string[]): void {
  const result = spawnSync(...command(bin, args), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
}

async function runAsync(bin: string, args: string[]): Promise<void> {
  try {
    await promisify(execFile)(...command(bin, args));
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${bin} failed: ${stderr || stdout || String(error)}`);
  }
}

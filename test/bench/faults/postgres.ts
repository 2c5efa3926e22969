import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';

/** A private PostgreSQL the bench may stop and start (never the shared one on 5432). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function startPostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-faults-pg-'));
  const data = join(dir, 'data');
  // initdb refuses to run as root; then the server runs as the postgres user.
  if (process.getuid?.() === 0) chownSync(dir, POSTGRES_UID(), POSTGRES_GID());
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  const ctl = (args: string[]) => run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'pg.log'), ...args]);
  ctl(['-o', opts, 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'fleet']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/fleet`,
    stop: () => ctl(['-m', 'fast', 'stop']),
    start: () => ctl(['-o', opts, 'start']),
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

function run(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot()
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]]
    : [join(PG_BIN, bin), args];
  const result = spawnSync(cmd as string, argv as string[], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
}

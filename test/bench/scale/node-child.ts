import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REGISTER_TS = resolve(__dirname, '../../support/register-ts.js');

/** A TypeScript module of this bench run in its own Node process (as `npm run bench:*` runs the sources). */
export function spawnTsChild(file: string, args: string[] = []): ChildProcess {
  const script = `require(${JSON.stringify(REGISTER_TS)}); require(${JSON.stringify(resolve(__dirname, file))});`;
  return spawn(process.execPath, ['--max-old-space-size=8192', '-e', script, '--', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves with the first stdout line of `child` that parses as JSON. */
export function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((done, fail) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n').slice(0, -1)) {
        try {
          done(JSON.parse(line) as T);
          return;
        } catch {
          // not ours: a log line
        }
      }
    });
    child.once('exit', (code) => fail(new Error(`child exited (${code}) before it answered`)));
  });
}

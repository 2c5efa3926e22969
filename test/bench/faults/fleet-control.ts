import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FleetCommand } from './fleet-process';

export interface FleetStats {
  sent: number;
  ackedUnique: number;
  ackErrors: number;
  connected: number;
  outbox: number;
}

/** Drives one fleet child process (run.js --fleet), one command and reply at a time. */
export class FleetControl {
  private queue: Promise<unknown> = Promise.resolve();
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<FleetControl> {
    const child = fork(join(__dirname, 'run.js'), ['--fleet'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--max-old-space-size=4096'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`fleet process exited early (${code})`)));
    });
    return new FleetControl(child);
  }

  send<T = FleetStats>(command: FleetCommand): Promise<T> {
    const next = this.queue.then(
      () =>
        new Promise<T>((resolve, reject) => {
          this.child.once('message', (reply: T & { error?: string }) =>
            reply.error ? reject(new Error(reply.error)) : resolve(reply),
          );
          this.child.send(command);
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  stop(): void {
    this.child.kill();
  }
}

export function sumStats(all: FleetStats[]): FleetStats {
  return all.reduce(
    (a, s) => ({
      sent: a.sent + s.sent,
      ackedUnique: a.ackedUnique + s.ackedUnique,
      ackErrors: a.ackErrors + s.ackErrors,
      connected: a.connected + s.connected,
      outbox: a.outbox + s.outbox,
    }),
    { sent: 0, ackedUnique: 0, ackErrors: 0, connected: 0, outbox: 0 },
  );
}

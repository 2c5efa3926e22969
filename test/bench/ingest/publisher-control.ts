import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Workload } from './workload';

export interface PublishResult {
  sent: number;
  acked: number;
  firstSentAt: number;
  lastAckAt: number;
}

type Reply = { type: 'ready' } | ({ type: 'done' } & PublishResult) | { type: 'error'; message: string };

/** Drives the publisher child process (run.js --publisher) one phase at a time. */
export class PublisherControl {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<PublisherControl> {
    const child = fork(join(__dirname, 'run.js'), ['--publisher'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`publisher process exited early (${code})`)));
    });
    return new PublisherControl(child);
  }

  publish(url: string, workload: Workload): Promise<PublishResult> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.type === 'ready') return;
        this.child.off('message', onMessage);
        if (reply.type === 'error') reject(new Error(`publisher failed: ${reply.message}`));
        else resolve(reply);
      };
      this.child.on('message', onMessage);
      this.child.send({ cmd: 'run', url, workload });
    });
  }

  stop(): void {
    if (this.child.connected) this.child.send({ cmd: 'exit' });
    this.child.kill();
  }
}

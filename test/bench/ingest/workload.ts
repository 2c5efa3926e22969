import { CHANNELS, topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { validJson } from '../../../apps/api/src/ingest/testing/terminal-messages';

/** What one benchmark phase publishes: `total` valid messages from `terminals` terminals. */
export interface Workload {
  /** Terminal id prefix, unique per phase so its rows can be counted. */
  prefix: string;
  total: number;
  terminals: number;
  connections: number;
  /** Unacknowledged publishes per connection. */
  window: number;
}

/**
 * Generates the messages of one publisher connection: its terminals in turn, channels in
 * turn, each (terminal, channel) with its own seq, ts = send time (so ts measures latency).
 */
export class TerminalStream {
  private readonly terminalIds: string[];
  private readonly seqs: number[];
  private next = 0;

  constructor(workload: Workload, connection: number) {
    this.terminalIds = [];
    for (let t = connection; t < workload.terminals; t += workload.connections) {
      this.terminalIds.push(`${workload.prefix}${t.toString().padStart(6, '0')}`);
    }
    this.seqs = new Array(this.terminalIds.length * CHANNELS.length).fill(0);
  }

  message(): { topic: string; payload: string } {
    const index = this.next++;
    const terminal = index % this.terminalIds.length;
    const channelIndex = Math.floor(index / this.terminalIds.length) % CHANNELS.length;
    const channel = CHANNELS[channelIndex] as Channel;
    const slot = terminal * CHANNELS.length + channelIndex;
    const seq = this.seqs[slot] as number;
    this.seqs[slot] = seq + 1;
    const tid = this.terminalIds[terminal] as string;
    return { topic: topicFor(tid, channel), payload: validJson(channel, Date.now(), seq) };
  }
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

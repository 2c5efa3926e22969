import { CHANNELS, type Channel } from '@fleet/telemetry/protocol/topics';

/** A terminal's volatile state while its timeline is walked: sequence numbers, boot time, link. */
export class TerminalState {
  private seq = new Map<Channel, number>();
  bootAt: number;
  connected = false;
  /** Messages measured while the link was down, waiting to be flushed. */
  buffer: { channel: Channel; payload: object }[] = [];

  constructor(bootAt: number) {
    this.bootAt = bootAt;
    this.boot(bootAt);
  }

  /** Power-on or reboot: sequence numbers restart at 0 (PROTOCOL.md §1). */
  boot(at: number): void {
    this.bootAt = at;
    for (const channel of CHANNELS) this.seq.set(channel, 0);
  }

  /** The next sequence number for a channel, consumed. */
  nextSeq(channel: Channel): number {
    const value = this.seq.get(channel) ?? 0;
    this.seq.set(channel, value + 1);
    return value;
  }

  /** The next sequence number, not consumed (the Last Will reserves it). */
  peekSeq(channel: Channel): number {
    return this.seq.get(channel) ?? 0;
  }

  uptimeS(at: number): number {
    return (at - this.bootAt) / 1000;
  }
}

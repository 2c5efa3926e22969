/**
 * Releases QoS 1 PUBACKs strictly in receive order, as MQTT requires (3.1.1 §4.6,
 * 5.0 §4.6): a message committed early waits for every message received before it.
 * Acks that become ready together go out in one write.
 */
export class AckSequencer {
  private ids: number[] = [];
  private committed: boolean[] = [];
  /** Absolute position of ids[head]; positions grow forever so stale handles are detectable. */
  private base = 0;
  private head = 0;
  private ready: number[] = [];
  private flushScheduled = false;
  private closed = false;

  constructor(private readonly sendAcks: (messageIds: readonly number[]) => void) {}

  get pending(): number {
    return this.ids.length - this.head;
  }

  /** Registers a received QoS 1 PUBLISH; the returned function marks it committed. */
  track(messageId: number): () => void {
    const position = this.base + this.ids.length;
    this.ids.push(messageId);
    this.committed.push(false);
    return () => this.commit(position);
  }

  /** The connection is gone: its packet ids mean nothing on the next one, so drop them. */
  close(): void {
    this.closed = true;
    this.ids = [];
    this.committed = [];
    this.ready = [];
  }

  private commit(position: number): void {
    if (this.closed) return;
    const index = position - this.base;
    if (index < this.head || index >= this.ids.length) return;
    this.committed[index] = true;
    while (this.head < this.ids.length && this.committed[this.head]) {
      this.ready.push(this.ids[this.head] as number);
      this.head += 1;
    }
    if (this.head > 4096 && this.head * 2 > this.ids.length) this.compact();
    if (this.ready.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Sends the acks that are ready now instead of at the end of the tick (before DISCONNECT). */
  flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.ready.length === 0) return;
    const ids = this.ready;
    this.ready = [];
    this.sendAcks(ids);
  }

  private compact(): void {
    this.ids = this.ids.slice(this.head);
    this.committed = this.committed.slice(this.head);
    this.base += this.head;
    this.head = 0;
  }
}

/**
 * Collects keys that changed and hands them over at most once per interval, so a
 * burst of thousands of messages becomes one push instead of thousands.
 */
export class ChangeBuffer<T> {
  private pending = new Map<string, T>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (items: Map<string, T>) => void,
  ) {}

  add(key: string, value: T): void {
    this.pending.set(key, value);
    this.timer ??= setTimeout(() => this.drain(), this.intervalMs);
  }

  drain(): void {
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const items = this.pending;
    this.pending = new Map();
    this.flush(items);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

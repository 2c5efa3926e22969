/** Alertmanager's timing, per recipient. */
export interface GroupTiming {
  /** How long the first item of a new group waits for others to join it. */
  groupWaitMs: number;
  /** After a group was sent, how long new items for that recipient wait before the next message. */
  groupIntervalMs: number;
}

export interface DueGroup<T> {
  key: string;
  items: T[];
}

interface OpenGroup<T> {
  items: T[];
  flushAt: number;
}

/**
 * Collects items per key (a recipient) so many become one message: a new group is due
 * groupWait after its first item; once one went out, the next is due no sooner than
 * groupInterval after it. Pure: the caller passes the time and asks what is due.
 */
export class RecipientGrouper<T> {
  private readonly open = new Map<string, OpenGroup<T>>();
  private readonly lastSentAt = new Map<string, number>();

  constructor(private readonly timing: GroupTiming) {}

  add(key: string, item: T, now: number): void {
    const group = this.open.get(key);
    if (group) {
      group.items.push(item);
      return;
    }
    const last = this.lastSentAt.get(key);
    const flushAt =
      last !== undefined && now < last + this.timing.groupIntervalMs
        ? last + this.timing.groupIntervalMs
        : now + this.timing.groupWaitMs;
    this.open.set(key, { items: [item], flushAt });
  }

  /** Removes and returns the groups whose time has come. */
  takeDue(now: number): Array<DueGroup<T>> {
    const due: Array<DueGroup<T>> = [];
    for (const [key, group] of this.open) {
      if (group.flushAt > now) continue;
      this.open.delete(key);
      this.lastSentAt.set(key, now);
      due.push({ key, items: group.items });
    }
    for (const [key, at] of this.lastSentAt) {
      if (now >= at + this.timing.groupIntervalMs && !this.open.has(key)) this.lastSentAt.delete(key);
    }
    return due;
  }

  /** Items waiting, for shutdown logs and tests. */
  pendingCount(): number {
    let n = 0;
    for (const group of this.open.values()) n += group.items.length;
    return n;
  }
}

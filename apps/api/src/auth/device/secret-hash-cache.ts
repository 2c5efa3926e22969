/**
 * Stored secret hashes by terminal, kept briefly so a reconnect storm after an outage
 * reads each terminal's row once, not once per attempt. Unknown terminals are cached
 * too (as null), so a flood of made-up ids cannot hammer the database either. Bounded:
 * the oldest entries go first when full.
 */
export class SecretHashCache {
  private readonly entries = new Map<string, { hash: string | null; until: number }>();
  private forgets = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 250_000,
  ) {}

  /** The cached hash (null: known to have none), or undefined when not cached or stale. */
  get(terminalId: string, now: number): string | null | undefined {
    const entry = this.entries.get(terminalId);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(terminalId);
      return undefined;
    }
    return entry.hash;
  }

  /** Taken before reading a hash from the database, and handed to set() with what was read. */
  get generation(): number {
    return this.forgets;
  }

  /** Keeps what was read, unless a rotation was forgotten since `generation`: the read may predate it. */
  set(terminalId: string, hash: string | null, now: number, generation = this.forgets): void {
    if (generation !== this.forgets) return;
    this.entries.delete(terminalId);
    this.entries.set(terminalId, { hash, until: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** After a rotation (in any process), the old secret must stop working at once. */
  forget(terminalId: string): void {
    this.entries.delete(terminalId);
    this.forgets += 1;
  }
}

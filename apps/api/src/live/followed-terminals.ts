import { randomUUID } from 'node:crypto';
import type { ClusterServer } from './inter-server-events';
import { TERMINAL_ROOM_PREFIX } from './socket-rooms';

/** A process re-announces what it follows this often; a peer silent for three rounds is forgotten. */
const ANNOUNCE_EVERY_MS = 30_000;
const FORGET_AFTER_MS = 3 * ANNOUNCE_EVERY_MS;
/** Follows and unfollows within this long go out as one announcement. */
const ANNOUNCE_DEBOUNCE_MS = 50;

/**
 * Which terminals have a follower anywhere, so a process sends a terminal's raw messages
 * only when someone watches it. Its own followers are its adapter's terminal rooms; the
 * other processes announce theirs (serverSideEmit) whenever the set changes.
 */
export class FollowedTerminals {
  private readonly processId = randomUUID();
  private readonly remote = new Map<string, { ids: Set<string>; seenAt: number }>();
  private announceTimer?: NodeJS.Timeout;
  private readonly everyTimer?: NodeJS.Timeout;

  constructor(
    private readonly server: ClusterServer,
    private readonly clustered: boolean,
  ) {
    if (!clustered) return;
    const adapter = server.of('/').adapter;
    const changed = (room: string) => {
      if (room.startsWith(TERMINAL_ROOM_PREFIX)) this.announceSoon();
    };
    adapter.on('create-room', changed);
    adapter.on('delete-room', changed);
    server.on('follows.changed', (processId, ids) => {
      if (processId !== this.processId) this.remote.set(processId, { ids: new Set(ids), seenAt: Date.now() });
    });
    server.on('follows.asked', () => this.announceSoon());
    server.serverSideEmit('follows.asked');
    this.everyTimer = setInterval(() => this.announce(), ANNOUNCE_EVERY_MS);
  }

  has(room: string): boolean {
    if (this.server.of('/').adapter.rooms.has(room)) return true;
    if (!this.clustered) return false;
    const terminalId = room.slice(TERMINAL_ROOM_PREFIX.length);
    const now = Date.now();
    for (const [processId, peer] of this.remote) {
      if (now - peer.seenAt > FORGET_AFTER_MS) this.remote.delete(processId);
      else if (peer.ids.has(terminalId)) return true;
    }
    return false;
  }

  stop(): void {
    clearTimeout(this.announceTimer);
    clearInterval(this.everyTimer);
  }

  private announceSoon(): void {
    this.announceTimer ??= setTimeout(() => this.announce(), ANNOUNCE_DEBOUNCE_MS);
  }

  private announce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    const ids = [...this.server.of('/').adapter.rooms.keys()]
      .filter((room) => room.startsWith(TERMINAL_ROOM_PREFIX))
      .map((room) => room.slice(TERMINAL_ROOM_PREFIX.length));
    this.server.serverSideEmit('follows.changed', this.processId, ids);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  ServerToFollowerEvents,
} from '@fleet/telemetry/live/events';
import { AUTH_CLOCK, type Clock } from '../auth/clock';
import { scopeAllows, scopeFor, type Scope } from '../auth/scope/scope';
import { AccessTokens } from '../auth/session/access-tokens';
import { SessionsService } from '../auth/session/sessions.service';
import { UsersRepository } from '../auth/users/users.repository';
import { LiveRepository } from '../storage/repositories/live.repository';
import { roomsForScope, TERMINAL_ROOM_PREFIX, terminalRoom } from './socket-rooms';
import type { InterServerEvents } from './inter-server-events';
import { judgeSession, sameScope, type SocketSession } from './socket-session';

export type SocketData = Partial<SocketSession> & { username?: string; ready?: Promise<boolean> };
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents & ServerToFollowerEvents,
  InterServerEvents,
  SocketData
>;

/**
 * Keeps each live socket inside the session that opened it: renews it with a fresher
 * token of the same user, ends it (saying why) when the token expired, the user was
 * disabled or the login signed out, and moves it to the rooms of a changed scope.
 */
@Injectable()
export class SocketSessionKeeper {
  private readonly logger = new Logger('LiveSessions');

  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    @Inject(LiveRepository) private readonly repository: LiveRepository,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
  ) {}

  /** True when `token` is valid and the same user's: the socket lives on until it expires. */
  async renew(socket: LiveSocket, token: unknown): Promise<boolean> {
    if (typeof token !== 'string') return false;
    try {
      const { user, expiresAtMs, sessionId } = await this.tokens.verifySession(token);
      if (user.id !== socket.data.userId) return false;
      Object.assign(socket.data, { expiresAtMs, sessionId });
      const scope = scopeFor(user);
      if (!sameScope(scope, socket.data.scope!)) await this.rescope(socket, scope);
      return true;
    } catch {
      return false;
    }
  }

  /** Re-judges these sockets (or one user's among them) against the clock and the database. */
  async check(all: readonly LiveSocket[], onlyUserId?: string): Promise<void> {
    try {
      const sockets = all.filter(
        (socket) =>
          socket.data?.userId !== undefined &&
          (onlyUserId === undefined || socket.data.userId === onlyUserId),
      );
      if (sockets.length === 0) return;
      const rows = await this.users.activeScopes(sockets.map((socket) => socket.data.userId!));
      const byId = new Map(rows.map((row) => [row.id, row]));
      const live = await this.sessions.liveSessions(sockets.flatMap((socket) => socket.data.sessionId ?? []));
      const now = this.now();
      for (const socket of sockets) {
        const verdict = judgeSession(socket.data as SocketSession, now, byId.get(socket.data.userId!), live);
        if (verdict.kind === 'end') {
          this.logger.log(`socket of ${socket.data.username} closed: ${verdict.reason}`);
          socket.emit('session.ended', { reason: verdict.reason });
          socket.disconnect(true);
        } else if (verdict.kind === 'rescope') {
          await this.rescope(socket, verdict.scope);
          socket.emit('session.changed', { reason: 'scope_changed' });
        }
      }
    } catch (error) {
      this.logger.error(`session check failed: ${(error as Error).message}`);
    }
  }

  /** Leaves the old scope's rooms and followed terminals it no longer covers; joins the new. */
  private async rescope(socket: LiveSocket, scope: Scope): Promise<void> {
    const old = socket.data.scope;
    socket.data.scope = scope;
    // The in-memory adapter leaves synchronously; awaiting keeps other adapters (#15) in order.
    if (old) for (const room of roomsForScope(old)) await socket.leave(room);
    const followed = [...socket.rooms]
      .filter((room) => room.startsWith(TERMINAL_ROOM_PREFIX))
      .map((room) => room.slice(TERMINAL_ROOM_PREFIX.length));
    const places = new Map((await this.repository.places(followed)).map((row) => [row.terminal_id, row]));
    for (const terminalId of followed) {
      const place = places.get(terminalId);
      const allowed = place && scopeAllows(scope, { region: place.region, merchantId: place.merchant_id });
      if (!allowed) await socket.leave(terminalRoom(terminalId));
    }
    await socket.join(roomsForScope(scope));
  }
}

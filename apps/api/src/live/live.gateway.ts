import { Inject, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server } from 'socket.io';
import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  ServerToFollowerEvents,
  TerminalChange,
} from '@fleet/telemetry/live/events';
import { SOCKET_PATH } from '@fleet/telemetry/live/events';
import { TERMINAL_ID_PATTERN } from '@fleet/telemetry/protocol/topics';
import { AlertEvents } from '../alerts/alert-events';
import { AccessTokens } from '../auth/session/access-tokens';
import { scopeAllows, scopeFor } from '../auth/scope/scope';
import { UserChanges } from '../auth/users/user-changes';
import { IngestService } from '../ingest/ingest.service';
import { IngestStatsService } from '../metrics/ingest-stats.service';
import { RiskService, type RiskChangeEvent } from '../risk/risk.service';
import { InboxEvents } from '../notifications/inbox/inbox-events';
import { WorkOrderEvents } from '../dispatch/work-order-events';
import { LiveRepository, type TerminalChangeRow } from '../storage/repositories/live.repository';
import { SHARED_REDIS, type SharedRedis } from '../redis/shared-redis';
import { shareAcrossProcesses } from './cluster-adapter';
import { FollowedTerminals } from './followed-terminals';
import type { InterServerEvents } from './inter-server-events';
import { ALL_ROOM, roomsForPlace, roomsForScope, terminalRoom, userRoom } from './socket-rooms';
import { SocketSessionKeeper, type LiveSocket, type SocketData } from './socket-session-keeper';
import { TerminalChangeFeed } from './terminal-change-feed';

type Emits = ServerToClientEvents & ServerToFollowerEvents;

const STATS_INTERVAL_MS = 2000;
/** How often every socket's token and user are checked again: well within the minute promised. */
export const SESSION_CHECK_MS = 10_000;

/**
 * The dashboard's live channel. Authenticates every socket with its access token, puts
 * it in the rooms of its scope, and pushes batched terminal changes (TerminalChangeFeed)
 * to those rooms. A socket lives no longer than its session (SocketSessionKeeper), checked
 * every SESSION_CHECK_MS and at once for user changes made in this process or, with
 * REDIS_URL, in any other (rooms then span every process: cluster-adapter.ts).
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class LiveGateway
  implements OnGatewayInit, OnGatewayConnection, OnApplicationBootstrap, OnModuleDestroy
{
  @WebSocketServer() private server!: Server<ClientToServerEvents, Emits, InterServerEvents, SocketData>;
  private follows!: FollowedTerminals;
  private readonly logger = new Logger('LiveGateway');
  private unsubscribe?: () => void;
  private unsubscribeRisk?: () => void;
  private unsubscribeChanges?: () => void;
  private statsTimer?: NodeJS.Timeout;
  private sessionTimer?: NodeJS.Timeout;
  private unsubscribeUsers?: () => void;
  private unsubscribeAlerts?: () => void;
  private unsubscribeInbox?: () => void;
  private unsubscribeWorkOrders?: () => void;

  constructor(
    private readonly tokens: AccessTokens,
    private readonly ingest: IngestService,
    private readonly stats: IngestStatsService,
    private readonly risk: RiskService,
    @Inject(LiveRepository) private readonly repository: LiveRepository,
    private readonly feed: TerminalChangeFeed,
    private readonly userChanges: UserChanges,
    private readonly keeper: SocketSessionKeeper,
    private readonly alerts: AlertEvents,
    @Optional() private readonly inbox?: InboxEvents,
    @Optional() private readonly workOrders?: WorkOrderEvents,
    @Optional() @Inject(SHARED_REDIS) private readonly redis: SharedRedis | null = null,
  ) {}

  /** With REDIS_URL, rooms span every process of the deployment. */
  afterInit(server: Server<ClientToServerEvents, Emits, InterServerEvents, SocketData>): void {
    if (this.redis) shareAcrossProcesses(server, this.redis);
    this.follows = new FollowedTerminals(server, this.redis !== null);
  }

  onApplicationBootstrap(): void {
    this.unsubscribeChanges = this.feed.onChanged((rows) => this.pushChanges(rows));
    this.unsubscribe = this.ingest.onCommitted((batch) => {
      for (const message of batch.messages) {
        const room = terminalRoom(message.terminalId);
        if (this.follows.has(room)) {
          this.server.to(room).emit('terminal.message', {
            terminalId: message.terminalId,
            channel: message.channel,
            ts: new Date(message.ts).toISOString(),
            payload: { ...message.payload, ts: new Date(message.ts).toISOString() },
          });
        }
      }
    });
    this.unsubscribeRisk = this.risk.onChanged((event) => void this.pushRisk(event));
    this.statsTimer = setInterval(() => {
      const { received, stored, rejected, bufferDepth } = this.stats.snapshot();
      // This process's counters, to its own sockets: other processes send theirs to theirs.
      this.server.local.emit('ingest.stats', { received, stored, rejected, bufferDepth });
    }, STATS_INTERVAL_MS);
    const check = (onlyUserId?: string) =>
      void this.keeper.check([...this.server.sockets.sockets.values()], onlyUserId);
    this.sessionTimer = setInterval(() => check(), SESSION_CHECK_MS);
    this.unsubscribeUsers = this.userChanges.onChanged((change) => {
      check(change.userId);
      // The user's sockets may be held by other processes too: they check theirs.
      if (this.redis) this.server.serverSideEmit('user.changed', change.userId);
    });
    this.server.on('user.changed', (userId) => check(userId));
    // Incident alerts go to ALL_ROOM only; scoped users read theirs through GET /alerts.
    this.unsubscribeAlerts = this.alerts.onChanged((change) => {
      const { terminalId, region, merchantId } = change.alert;
      const rooms = terminalId
        ? roomsForPlace({ region: region ?? null, merchantId: merchantId ?? null })
        : [ALL_ROOM];
      this.server.to(rooms).emit('alerts.changed', change);
    });
    // Inbox counts are personal: to the user's own sockets only.
    this.unsubscribeInbox = this.inbox?.onChanged((userId, unreadCount) =>
      this.server.to(userRoom(userId)).emit('inbox.changed', { unreadCount }),
    );
    // By the terminal's place, and to the assignee, who sees its own orders wherever they are.
    this.unsubscribeWorkOrders = this.workOrders?.onChanged((change) => {
      const { region, merchantId, assignee } = change.workOrder;
      const rooms = roomsForPlace({ region: region || null, merchantId: merchantId || null });
      this.server
        .to(assignee === undefined ? rooms : [...rooms, userRoom(assignee)])
        .emit('workOrders.changed', change);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribeRisk?.();
    this.unsubscribeChanges?.();
    clearInterval(this.statsTimer);
    clearInterval(this.sessionTimer);
    this.follows.stop();
    this.unsubscribeUsers?.();
    this.unsubscribeAlerts?.();
    this.unsubscribeInbox?.();
    this.unsubscribeWorkOrders?.();
  }

  handleConnection(socket: LiveSocket): Promise<boolean> {
    // Nest binds message handlers without waiting for this; they await `ready` instead.
    const ready = this.authenticate(socket);
    socket.data = { ready };
    return ready;
  }

  private async authenticate(socket: LiveSocket): Promise<boolean> {
    const token = readToken(socket);
    try {
      if (!token) throw new Error('missing access token');
      const { user, expiresAtMs, sessionId } = await this.tokens.verifySession(token);
      const scope = scopeFor(user);
      Object.assign(socket.data, { scope, username: user.username, userId: user.id, sessionId, expiresAtMs });
      await socket.join([...roomsForScope(scope), userRoom(user.id)]);
      return true;
    } catch (error) {
      this.logger.warn(`socket refused: ${(error as Error).message}`);
      socket.disconnect(true);
      return false;
    }
  }

  @SubscribeMessage('terminal.follow')
  async follow(@ConnectedSocket() socket: LiveSocket, @MessageBody() terminalId: unknown): Promise<boolean> {
    if (!(await socket.data?.ready)) return false;
    const scope = socket.data.scope;
    if (!scope || typeof terminalId !== 'string' || !TERMINAL_ID_PATTERN.test(terminalId)) return false;
    const place = await this.repository.place(terminalId);
    if (!place || !scopeAllows(scope, place)) return false;
    await socket.join(terminalRoom(terminalId));
    return true;
  }

  @SubscribeMessage('terminal.unfollow')
  async unfollow(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() terminalId: unknown,
  ): Promise<boolean> {
    if (typeof terminalId !== 'string') return false;
    await socket.leave(terminalRoom(terminalId));
    return true;
  }

  /** A fresher token for the same user: the socket lives on until that one expires. */
  @SubscribeMessage('session.renew')
  async renew(@ConnectedSocket() socket: LiveSocket, @MessageBody() token: unknown): Promise<boolean> {
    if (!(await socket.data?.ready)) return false;
    return this.keeper.renew(socket, token);
  }

  /** The at-risk queue's changes, each to the rooms that may see the terminal. */
  private async pushRisk(event: RiskChangeEvent): Promise<void> {
    try {
      const ids = [...event.changed.map((item) => item.terminalId), ...event.removed];
      const places = new Map((await this.repository.places(ids)).map((row) => [row.terminal_id, row]));
      const byRoom = new Map<string, { upserted: AtRiskItem[]; removed: string[] }>();
      const roomsOf = (id: string) => {
        const place = places.get(id);
        return roomsForPlace({ region: place?.region ?? null, merchantId: place?.merchant_id ?? null });
      };
      const entry = (room: string) => {
        let payload = byRoom.get(room);
        if (!payload) byRoom.set(room, (payload = { upserted: [], removed: [] }));
        return payload;
      };
      for (const item of event.changed) {
        const list = item.causes.length > 0 ? 'upserted' : 'removed';
        for (const room of roomsOf(item.terminalId)) {
          if (list === 'upserted') entry(room).upserted.push(item);
          else entry(room).removed.push(item.terminalId);
        }
      }
      for (const id of event.removed) for (const room of roomsOf(id)) entry(room).removed.push(id);
      const generatedAt = new Date().toISOString();
      for (const [room, payload] of byRoom)
        this.server.to(room).emit('risk.changed', { ...payload, generatedAt });
      // Incidents are fleet-wide; scoped users read their slice through GET /incidents.
      this.server.to(ALL_ROOM).emit('incidents.changed', this.risk.incidents());
    } catch (error) {
      this.logger.error(`live risk push failed: ${(error as Error).message}`);
    }
  }

  private pushChanges(rows: readonly TerminalChangeRow[]): void {
    for (const [room, changes] of groupByRoom(rows)) this.server.to(room).emit('terminals.changed', changes);
  }
}

function readToken(socket: LiveSocket): string | undefined {
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof fromAuth === 'string' && fromAuth) return fromAuth;
  const header = socket.handshake.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function groupByRoom(rows: readonly TerminalChangeRow[]): Map<string, TerminalChange[]> {
  const byRoom = new Map<string, TerminalChange[]>([[ALL_ROOM, []]]);
  for (const row of rows) {
    const change: TerminalChange = {
      terminalId: row.terminal_id,
      online: row.online,
      lastSeenAt: row.last_seen_at ? row.last_seen_at.toISOString() : null,
      riskScore: row.risk_score ?? 0,
      topCause: row.top_cause ?? '',
    };
    for (const room of roomsForPlace({ region: row.region, merchantId: row.merchant_id })) {
      const list = byRoom.get(room) ?? [];
      list.push(change);
      byRoom.set(room, list);
    }
  }
  return byRoom;
}

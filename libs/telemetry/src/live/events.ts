import type { AlertChange } from '../api/alerts';
import type { UnreadCount } from '../api/notifications';
import type { AtRiskItem, IncidentView } from '../api/risk';
import type { WorkOrderChange } from '../api/work-orders';

/**
 * socket.io event map shared by the gateway and the web client. The server batches
 * and throttles: each event carries every change since the previous one.
 */

export interface TerminalChange {
  terminalId: string;
  online: boolean | null;
  lastSeenAt: string | null;
  riskScore: number;
  topCause: string;
}

export interface ServerToClientEvents {
  /** Terminals whose state or risk changed (batched, at most a few per second). */
  'terminals.changed': (changes: TerminalChange[]) => void;
  /** The at-risk queue changed: items that entered or moved, and ids that left. */
  'risk.changed': (payload: { upserted: AtRiskItem[]; removed: string[]; generatedAt: string }) => void;
  'incidents.changed': (incidents: IncidentView[]) => void;
  /** One alert opened, reopened, acknowledged, resolved or assigned; to the rooms of its place. */
  'alerts.changed': (change: AlertChange) => void;
  /**
   * One work order was created, assigned, moved, or its SLA or confirmation changed; to the
   * rooms of its terminal (support, the region's technicians, the merchant's account
   * managers) and to its assignee's own sockets.
   */
  'workOrders.changed': (change: WorkOrderChange) => void;
  /** The user's inbox gained or read items; to that user's own sockets only. */
  'inbox.changed': (event: UnreadCount) => void;
  'ingest.stats': (stats: {
    received: number;
    stored: number;
    rejected: number;
    bufferDepth: number;
  }) => void;
  /**
   * Sent just before the server closes the socket: its access token expired (refresh it and
   * reconnect), the user was disabled or removed, or the login it belongs to was signed out
   * (sign out here too).
   */
  'session.ended': (event: { reason: SessionEndReason }) => void;
  /** The user's role, regions or merchants changed: the socket already follows the new scope. */
  'session.changed': (event: { reason: 'scope_changed' }) => void;
}

export const SESSION_END_REASONS = ['token_expired', 'user_disabled', 'signed_out'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface ClientToServerEvents {
  /** Follow one terminal's live messages (the detail page). */
  'terminal.follow': (terminalId: string) => void;
  'terminal.unfollow': (terminalId: string) => void;
  /** The client refreshed its access token: the socket continues under the new one. */
  'session.renew': (accessToken: string) => void;
}

/** Sent to followers of one terminal: the raw validated message. */
export interface TerminalMessageEvent {
  terminalId: string;
  channel: string;
  ts: string;
  payload: Record<string, unknown>;
}

export interface ServerToFollowerEvents {
  'terminal.message': (message: TerminalMessageEvent) => void;
}

export const SOCKET_PATH = '/socket.io';

import type {
  ClientToServerEvents,
  ServerToClientEvents,
  ServerToFollowerEvents,
} from '@fleet/telemetry/live/events';
import { SOCKET_PATH } from '@fleet/telemetry/live/events';
import { io, type Socket } from 'socket.io-client';
import { endSession, getAccessToken, refreshSession, subscribeSession } from '../auth/session';
import { env } from '../env';

export type LiveSocket = Socket<ServerToClientEvents & ServerToFollowerEvents, ClientToServerEvents>;
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The socket lives beside the API: same origin as an absolute API base, else this page's. */
function socketOrigin(apiBase: string): string {
  return /^https?:\/\//.test(apiBase) ? new URL(apiBase).origin : window.location.origin;
}

let socket: LiveSocket | undefined;
let stopRenewing: (() => void) | undefined;
let status: LiveStatus = 'offline';
const listeners = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

/**
 * Opens the one shared socket. The handshake reads the access token on every attempt, so a
 * reconnect after a rotation carries the fresh token; a rejected handshake rotates it first.
 * Each rotation is also handed to the open socket (`session.renew`), which the server would
 * otherwise close when the token it connected with expires.
 */
export function openLiveSocket(): LiveSocket {
  if (socket) return socket;
  const created: LiveSocket = io(socketOrigin(env.apiBase), {
    path: SOCKET_PATH,
    auth: (cb) => cb({ token: getAccessToken() ?? '' }),
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 10_000,
  });
  setStatus('connecting');
  created.on('connect', () => setStatus('connected'));
  created.on('disconnect', (reason) => {
    setStatus('reconnecting');
    // The server closed it (e.g. token expired): socket.io will not retry on its own.
    if (reason === 'io server disconnect') void refreshSession().then((ok) => ok && created.connect());
  });
  created.on('session.ended', ({ reason }) => {
    // The disconnect that follows refreshes and reconnects after an expiry; a disabled or
    // signed-out session cannot refresh, so end it here at once, saying why.
    if (reason === 'user_disabled') endSession('disabled');
    else if (reason === 'signed_out') endSession('expired');
  });
  created.on('connect_error', () => {
    setStatus('reconnecting');
    // socket.io retries by itself unless the middleware refused us; then rotate and retry.
    if (!created.active) void refreshSession().then((ok) => ok && created.connect());
  });
  let renewedWith = getAccessToken();
  stopRenewing = subscribeSession(() => {
    const token = getAccessToken();
    if (!token || token === renewedWith) return;
    renewedWith = token;
    if (created.connected) created.emit('session.renew', token);
  });
  socket = created;
  return created;
}

export function closeLiveSocket(): void {
  stopRenewing?.();
  stopRenewing = undefined;
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = undefined;
  setStatus('offline');
}

export function getLiveSocket(): LiveSocket | undefined {
  return socket;
}

export function getLiveStatus(): LiveStatus {
  return status;
}

export function subscribeLiveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

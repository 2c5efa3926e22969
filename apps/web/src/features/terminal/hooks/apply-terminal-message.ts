import type { TerminalStateView } from '@fleet/telemetry/api/terminals';
import type { TerminalMessageEvent } from '@fleet/telemetry/live/events';

/** The cached state after one live message: the latest reading of its channel, and proof of life. */
export function applyTerminalMessage(
  state: TerminalStateView,
  message: TerminalMessageEvent,
): TerminalStateView {
  const lastSeenAt =
    state.lastSeenAt && Date.parse(state.lastSeenAt) > Date.parse(message.ts) ? state.lastSeenAt : message.ts;
  const next: TerminalStateView = { ...state, lastSeenAt, lastReceivedAt: new Date().toISOString() };
  switch (message.channel) {
    case 'signal':
      return { ...next, signal: message.payload };
    case 'sim':
      return { ...next, sim: message.payload };
    case 'paper':
      return { ...next, paper: message.payload };
    case 'heartbeat':
      return { ...next, heartbeat: message.payload, online: true };
    case 'status': {
      const online = message.payload.online;
      const reason = message.payload.reason;
      return {
        ...next,
        online: typeof online === 'boolean' ? online : state.online,
        onlineReason: typeof reason === 'string' ? reason : null,
      };
    }
    default:
      return next;
  }
}

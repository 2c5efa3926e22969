import type { Server } from 'socket.io';

/**
 * What the processes of one deployment tell each other over the socket adapter
 * (serverSideEmit). Unused by a single process, whose in-memory adapter has no peers.
 */
export interface InterServerEvents {
  /** A user was changed (disabled, re-scoped, signed out) through some process: each re-judges its own sockets. */
  'user.changed': (userId: string) => void;
  /** The terminals someone follows on process `processId`, in full (replaces what it said before). */
  'follows.changed': (processId: string, terminalIds: string[]) => void;
  /** A process that just started asks the others what they follow. */
  'follows.asked': () => void;
}

/** The gateway's server as the cluster pieces see it: only the inter-server events matter to them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever client events and socket data the gateway has
export type ClusterServer = Server<any, any, InterServerEvents, any>;

import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { SharedRedis } from '../redis/shared-redis';
import type { ClusterServer } from './inter-server-events';

/**
 * Joins this process's socket server to the other processes' through a Redis stream, so
 * an emit to a room reaches the sockets of every process. WebSocket only: long-polling's
 * requests would land on any process behind a load balancer that has no sticky sessions.
 */
export function shareAcrossProcesses(server: ClusterServer, redis: SharedRedis): void {
  const prefix = `${redis.keyPrefix}socket.io`;
  server.adapter(
    createAdapter(redis.client, { streamName: prefix, channelPrefix: prefix, onlyPlaintext: true }),
  );
  server.engine.opts.transports = ['websocket'];
}

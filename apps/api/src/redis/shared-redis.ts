import { createClient, type RedisClientType } from 'redis';

/** The Redis every process of one deployment shares (REDIS_URL); absent when running as one process. */
export const SHARED_REDIS = Symbol('SHARED_REDIS');

export interface SharedRedis {
  client: RedisClientType;
  /** Put before every key and channel name (REDIS_KEY_PREFIX). */
  keyPrefix: string;
  /** Calls `handler` with each message published on the prefixed channel; returns the unsubscribe. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  publish(channel: string, message: string): Promise<void>;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects or fails with one line naming REDIS_URL. Once connected, a lost connection is
 * retried (backing off to 2 s) rather than ending the process: Redis restarts are survivable.
 */
export async function connectSharedRedis(url: string, keyPrefix: string): Promise<SharedRedis> {
  let connected = false;
  const client: RedisClientType = createClient({
    url,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 2000) : cause),
    },
  });
  // Without a listener node-redis throws on errors; reconnects are logged by whoever notices.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`REDIS_URL: cannot reach Redis at ${redacted(url)} (${(error as Error).message})`);
  }
  connected = true;
  let subscriber: RedisClientType | undefined;
  const subscriberReady = async (): Promise<RedisClientType> => {
    if (!subscriber) {
      subscriber = client.duplicate();
      subscriber.on('error', () => undefined);
      await subscriber.connect();
    }
    return subscriber;
  };
  return {
    client,
    keyPrefix,
    async subscribe(channel, handler) {
      const sub = await subscriberReady();
      const name = keyPrefix + channel;
      await sub.subscribe(name, handler);
      return () => sub.unsubscribe(name, handler);
    },
    async publish(channel, message) {
      await client.publish(keyPrefix + channel, message);
    },
    async close() {
      await subscriber?.close();
      await client.close();
    },
  };
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

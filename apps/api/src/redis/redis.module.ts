import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { connectSharedRedis, SHARED_REDIS, type SharedRedis } from './shared-redis';

/**
 * Provides SHARED_REDIS: the connection when REDIS_URL is set, null otherwise (one
 * process, state in memory). Global, and injected as optional, so test apps without it work.
 */
@Global()
@Module({
  providers: [
    {
      provide: SHARED_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<SharedRedis> | null =>
        config.redis ? connectSharedRedis(config.redis.url, config.redis.keyPrefix) : null,
    },
  ],
  exports: [SHARED_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(SHARED_REDIS) private readonly redis: SharedRedis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.close().catch(() => undefined);
  }
}

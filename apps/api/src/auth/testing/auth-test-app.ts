import {
  type DynamicModule,
  Global,
  type INestApplication,
  type LoggerService,
  Module,
  type Type,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditModule } from '../../audit/audit.module';
import { ConfigModule } from '../../app/config.module';
import { DomainExceptionFilter } from '../../common/errors/domain-exception.filter';
import { loadConfig } from '../../config/app-config';
import { DATABASE, type Database } from '../../storage/database';
import { AuthModule, type AuthModuleOptions } from '../auth.module';
import { AUTH_CLOCK, type Clock } from '../clock';
import { DeviceAuthModule } from '../device/device-auth.module';

export interface AuthTestAppOptions {
  database: Database;
  /** Environment for loadConfig (FLEET_ADMIN_USER etc.); the rest defaults. */
  env?: NodeJS.ProcessEnv;
  auth?: AuthModuleOptions;
  /** A movable clock for throttling and token expiry. */
  clock?: Clock;
  /** More modules under test (their controllers get the same guard and filter). */
  imports?: Array<Type<unknown> | DynamicModule>;
  logger?: LoggerService;
  /** Providers replaced by value (a module's options or clock). */
  overrides?: Array<{ token: unknown; value: unknown }>;
}

export interface AuthTestApp {
  app: INestApplication;
  /** e.g. http://127.0.0.1:41234/api/v1 */
  baseUrl: string;
  close(): Promise<void>;
}

/** Hands a test database to every module, as the storage module does in the app. */
@Global()
@Module({})
class TestDatabaseModule {
  static with(database: Database): DynamicModule {
    return {
      module: TestDatabaseModule,
      providers: [{ provide: DATABASE, useValue: database }],
      exports: [DATABASE],
    };
  }
}

/** A real Nest HTTP app with AuthModule, DeviceAuthModule and AuditModule over a real database. */
export async function createAuthTestApp(options: AuthTestAppOptions): Promise<AuthTestApp> {
  let builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(loadConfig({ FLEET_DEVICE_AUTH: 'on', ...options.env })),
      TestDatabaseModule.with(options.database),
      AuditModule,
      AuthModule.forRoot(options.auth),
      DeviceAuthModule,
      ...(options.imports ?? []),
    ],
  });
  if (options.clock) builder = builder.overrideProvider(AUTH_CLOCK).useValue(options.clock);
  for (const { token, value } of options.overrides ?? [])
    builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: options.logger ?? false });
  app.setGlobalPrefix('api/v1', { exclude: ['metrics'] });
  app.useGlobalFilters(new DomainExceptionFilter());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}/api/v1`, close: () => app.close() };
}

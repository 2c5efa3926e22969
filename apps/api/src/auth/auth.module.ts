import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE, type Database } from '../storage/database';
import { AUTH_OPTIONS, type AuthOptions, authOptionsFromConfig } from './auth-options';
import { authDb } from './auth-tables';
import { FirstAdmin } from './bootstrap/first-admin';
import { AUTH_CLOCK } from './clock';
import { AuthGuard } from './guard/auth.guard';
import { AuthController } from './login/auth.controller';
import { LoginService } from './login/login.service';
import { LoginThrottle } from './login/login-throttle';
import { AccessTokens } from './session/access-tokens';
import { RefreshTokensRepository } from './session/refresh-tokens.repository';
import { loadServerSecrets, SERVER_SECRETS } from './session/server-secrets';
import { SessionsService } from './session/sessions.service';
import { UserChanges } from './users/user-changes';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** Test overrides of what AppConfig and the defaults give (limits, TTLs). */
export type AuthModuleOptions = Partial<AuthOptions>;

/**
 * Users (and their changes, UserChanges), login, sessions and the global AuthGuard (every route needs a bearer token
 * unless @Public()). Global, so other modules can inject AccessTokens and the auth keys.
 * Needs APP_CONFIG (ConfigModule), DATABASE (storage) and AuditModule.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(overrides: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      controllers: [AuthController, UsersController],
      providers: [
        {
          provide: AUTH_OPTIONS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => authOptionsFromConfig(config, overrides),
        },
        { provide: AUTH_CLOCK, useValue: Date.now },
        {
          provide: SERVER_SECRETS,
          inject: [DATABASE, AUTH_OPTIONS],
          useFactory: (database: Database, options: AuthOptions) =>
            loadServerSecrets(authDb(database), options),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        AccessTokens,
        RefreshTokensRepository,
        SessionsService,
        UsersRepository,
        UsersService,
        UserChanges,
        LoginThrottle,
        LoginService,
        FirstAdmin,
      ],
      // UserChanges, UsersRepository (activeScopes) and SessionsService (liveSessions) let the
      // live gateway follow users' changes and logouts.
      exports: [
        SessionsService,
        AUTH_OPTIONS,
        AUTH_CLOCK,
        SERVER_SECRETS,
        AccessTokens,
        UsersService,
        UserChanges,
        UsersRepository,
      ],
    };
  }
}

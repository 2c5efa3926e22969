import type { AppConfig } from '../config/app-config';
import { parseBrokerUrl } from '../ingest/broker-address';

/**
 * Everything the auth module reads from configuration, handed in as one object so no
 * file reads process.env. Built from AppConfig by `authOptionsFromConfig`.
 */
export interface AuthOptions {
  /** FLEET_DEVICE_AUTH: terminals must present their secret and stay in their own topics. */
  deviceAuth: boolean;
  /** FLEET_ADMIN_USER / FLEET_ADMIN_PASSWORD: the first administrator. */
  adminUser?: string;
  adminPassword?: string;
  /** FLEET_JWT_SECRET (≥ 32 chars); unset: a key generated once and kept in the database. */
  jwtSecret?: string;
  /** FLEET_DEVICE_SECRET_PEPPER (≥ 32 chars); unset: generated once and kept in the database. */
  deviceSecretPepper?: string;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  loginLimits: LoginLimits;
  /**
   * How long a verified device secret is trusted without asking the database again. With
   * REDIS_URL a rotation clears every process's cache at once; without it, another process
   * that rotates a secret cannot, so this bounds how long an old secret keeps working here.
   */
  deviceSecretCacheMs: number;
  /** EMQX_HOOK_SECRET: the header EMQX sends to the HTTP auth hooks; unset: hooks off. */
  emqxHookSecret?: string;
  /** User and password of MQTT_URL: the ingestor's login on an external broker. */
  externalIngestLogin?: { username: string; password: string };
}

/** Failed logins allowed per sliding window, by key. */
export interface LoginLimits {
  windowMs: number;
  /** Same username from the same address: guessing one account's password. */
  perUserAndAddress: number;
  /** Any usernames from one address: spraying one password over many accounts. */
  perAddress: number;
  /** One username from any addresses: a distributed guess at one account. */
  perUser: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export const DEFAULT_AUTH_OPTIONS: Omit<AuthOptions, 'deviceAuth'> = {
  accessTokenTtlS: 15 * 60,
  refreshTokenTtlS: 7 * 24 * 3600,
  loginLimits: { windowMs: 15 * 60_000, perUserAndAddress: 5, perAddress: 30, perUser: 50 },
  deviceSecretCacheMs: 60_000,
};

export function authOptionsFromConfig(
  config: Pick<
    AppConfig,
    | 'deviceAuth'
    | 'accessTokenTtlS'
    | 'adminUser'
    | 'adminPassword'
    | 'jwtSecret'
    | 'deviceSecretPepper'
    | 'emqxHookSecret'
    | 'mqttUrl'
  >,
  overrides: Partial<AuthOptions> = {},
): AuthOptions {
  return {
    ...DEFAULT_AUTH_OPTIONS,
    deviceAuth: config.deviceAuth,
    accessTokenTtlS: config.accessTokenTtlS,
    adminUser: config.adminUser,
    adminPassword: config.adminPassword,
    jwtSecret: config.jwtSecret,
    deviceSecretPepper: config.deviceSecretPepper,
    emqxHookSecret: config.emqxHookSecret,
    externalIngestLogin: externalIngestLogin(config.mqttUrl),
    ...overrides,
  };
}

function externalIngestLogin(mqttUrl: string | undefined): AuthOptions['externalIngestLogin'] {
  if (mqttUrl === undefined) return undefined;
  const { username, password } = parseBrokerUrl(mqttUrl);
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { TERMINAL_ID_PATTERN } from '@fleet/telemetry/protocol/topics';
import { parseBrokerUrl } from '../ingest/broker-address';
import { alertingConfig, alertingEnvSchema, type AlertingConfig } from './alerting-env';

/**
 * Every setting the platform reads from the environment (shared/PROTOCOL.md §4),
 * validated once at boot. A bad value stops start-up with one line naming it.
 */

const onOff = z.enum(['on', 'off']);
const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  PORT: port.default(3000),
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|tcp|tls):\/\/[^\s]+$/, 'must look like mqtt://user:pass@host:1883')
    .optional(),
  MQTT_PORT: port.default(1883),
  /** Interface the embedded broker listens on; loopback so a laptop demo is not on the network. */
  MQTT_HOST: z.string().min(1).default('127.0.0.1'),
  /** Login of Mosquitto's dynamic-security admin: the platform then keeps the broker's accounts. */
  MQTT_DYNSEC_USER: z.string().min(1).max(64).optional(),
  MQTT_DYNSEC_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** PEM certificate and key: the embedded broker then accepts terminals over TLS only. */
  MQTT_TLS_CERT: z.string().min(1).optional(),
  MQTT_TLS_KEY: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must look like postgres://user@host:5432/db')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_FLEET_SIZE: z.coerce.number().int().min(0).max(200_000).default(0),
  DEMO_SEED: z.coerce.number().int().default(42),
  /** Hours of history the demo back-fills on its first start, so trends show at once. */
  DEMO_HISTORY_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(24),
  /** Signing key for access tokens; generated and kept in the database when unset. */
  FLEET_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Key mixed into device-secret hashes; generated and kept in the database when unset. */
  FLEET_DEVICE_SECRET_PEPPER: z.string().min(32, 'must be at least 32 characters').optional(),
  FLEET_ADMIN_USER: z.string().min(1).max(64).optional(),
  FLEET_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  FLEET_DEVICE_AUTH: onOff.default('on'),
  /** Lifetime of access tokens; a live socket is closed when its token expires. */
  FLEET_ACCESS_TOKEN_TTL_S: positiveInt
    .min(10, 'must be at least 10')
    .max(24 * 3600)
    .default(15 * 60),
  /** Shared secret EMQX sends to the platform's HTTP auth hooks; unset: the hooks answer 404. */
  EMQX_HOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long raw telemetry is kept; older messages are rejected on arrival. */
  RAW_RETENTION_DAYS: positiveInt.max(3650).default(30),
  /** Ingest batching: flush at this many messages or this many ms, whichever first. */
  INGEST_BATCH_SIZE: positiveInt.max(50_000).default(2000),
  INGEST_FLUSH_MS: positiveInt.max(10_000).default(50),
  /** Messages held in memory awaiting commit before the ingestor stops reading. */
  INGEST_BUFFER_LIMIT: positiveInt.max(1_000_000).default(20_000),
  /** Shared-subscription group used with an external broker so ingestors split the load. */
  INGEST_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default('fleet-ingest'),
  MQTT_PROTOCOL_VERSION: z.enum(['4', '5']).default('5'),
  /** Redis shared by several processes (live updates, login throttle, secret-cache invalidation); unset: one process, in memory. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]+$/, 'must look like redis://host:6379')
    .refine((value) => URL.canParse(value), 'must be a valid URL')
    .optional(),
  /** Prefix of every Redis key and channel the platform uses, so several deployments share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ : . -')
    .default('fleet:'),
  /** Origins allowed to call the API from another site, comma-separated; none by default. */
  CORS_ORIGINS: z
    .string()
    .regex(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, 'must be a comma-separated list of http(s) origins')
    .optional(),
  /** Outgoing mail server (PROTOCOL.md §4); unset: no e-mail is sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must look like smtp://user:pass@host:587')
    .refine((value) => URL.canParse(value), 'must be a valid URL')
    .optional(),
  /** Sender of notification mail, e.g. `Fleet Monitor <fleet@example.com>`. */
  NOTIFY_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an e-mail address, e.g. Fleet <fleet@example.com>')
    .optional(),
  /** Key of the webhook signature header (HMAC-SHA256); unset: no webhook is sent. */
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** HTTP SMS gateway; the URL and body may hold {phone} and {text}. Unset: no SMS. */
  SMS_GATEWAY_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must look like https://sms.example.com/send')
    .optional(),
  SMS_GATEWAY_METHOD: z.enum(['POST', 'GET']).default('POST'),
  SMS_GATEWAY_BODY: z.string().min(1).default('{"phone":"{phone}","text":"{text}"}'),
  /** Web push's VAPID key pair (base64url, as `web-push generate-vapid-keys` prints); unset: generated once and kept in the database. */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'must be an uncompressed P-256 public key, base64url (87 characters)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 private key, base64url (43 characters)')
    .optional(),
  /** Who runs this push sender, for push services to contact: `mailto:` or an https URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(
      /^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s]+)$/,
      'must be mailto:someone@example.com or an https:// URL',
    )
    .optional(),
  /** Roles of this process in a cluster (comma list of ingest, risk, http); unset: one process doing all. */
  FLEET_ROLES: z
    .string()
    .regex(/^(ingest|risk|http)(,(ingest|risk|http))*$/, 'must be a comma list of ingest, risk, http')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...alertingEnvSchema.shape,
});

export interface AppConfig {
  port: number;
  /** External broker; undefined means start the embedded one. */
  mqttUrl?: string;
  mqttPort: number;
  mqttHost: string;
  /** Set when the platform drives Mosquitto's dynamic-security plugin (see MOSQUITTO.md). */
  mqttDynsec?: { username: string; password: string };
  mqttTls?: { certFile: string; keyFile: string };
  mqttProtocolVersion: 4 | 5;
  /** External database; undefined means the embedded TimescaleDB under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  demoFleetSize: number;
  demoSeed: number;
  demoHistoryHours: number;
  jwtSecret?: string;
  deviceSecretPepper?: string;
  adminUser?: string;
  adminPassword?: string;
  deviceAuth: boolean;
  accessTokenTtlS: number;
  emqxHookSecret?: string;
  rawRetentionDays: number;
  ingest: { batchSize: number; flushMs: number; bufferLimit: number; shareGroup: string };
  corsOrigins: string[];
  /** Set when several processes share state through Redis (REDIS_URL). */
  redis?: { url: string; keyPrefix: string };
  /** Outgoing notifications; each channel is off while its setting is unset. */
  notify: {
    smtpUrl?: string;
    from?: string;
    webhookSecret?: string;
    sms?: { url: string; method: 'POST' | 'GET'; bodyTemplate: string };
    /** VAPID keys from the environment; unset: generated once and kept in the database. */
    vapidKeys?: { publicKey: string; privateKey: string };
    vapidSubject: string;
  };
  /** Hold, group and reminder timing; unset values keep the typed defaults. */
  alerting: AlertingConfig;
  /** Undefined: the single process of `npm start`; set: a member of a cluster with these roles. */
  cluster?: ClusterConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export type FleetRole = 'ingest' | 'risk' | 'http';

export interface ClusterConfig {
  roles: ReadonlySet<FleetRole>;
  /** Names this process among the others (ingest client id, job runs): host and HTTP port. */
  nodeId: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`bad configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if ((e.MQTT_TLS_CERT === undefined) !== (e.MQTT_TLS_KEY === undefined)) {
    throw new ConfigError('bad configuration: MQTT_TLS_CERT and MQTT_TLS_KEY must be set together');
  }
  if (e.SMTP_URL !== undefined && e.NOTIFY_FROM === undefined) {
    throw new ConfigError('bad configuration: SMTP_URL needs NOTIFY_FROM, the sender of notification mail');
  }
  if ((e.VAPID_PUBLIC_KEY === undefined) !== (e.VAPID_PRIVATE_KEY === undefined)) {
    throw new ConfigError('bad configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  }
  const cluster = clusterConfig(e.FLEET_ROLES, e.DATABASE_URL, e.MQTT_URL, e.PORT);
  const mqttDynsec = dynsecLogin(e.MQTT_DYNSEC_USER, e.MQTT_DYNSEC_PASSWORD, e.MQTT_URL);
  return {
    port: e.PORT,
    mqttUrl: e.MQTT_URL,
    mqttPort: e.MQTT_PORT,
    mqttHost: e.MQTT_HOST,
    mqttDynsec,
    mqttTls:
      e.MQTT_TLS_CERT && e.MQTT_TLS_KEY ? { certFile: e.MQTT_TLS_CERT, keyFile: e.MQTT_TLS_KEY } : undefined,
    mqttProtocolVersion: e.MQTT_PROTOCOL_VERSION === '4' ? 4 : 5,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    demoFleetSize: e.DEMO_FLEET_SIZE,
    demoSeed: e.DEMO_SEED,
    demoHistoryHours: e.DEMO_HISTORY_HOURS,
    jwtSecret: e.FLEET_JWT_SECRET,
    deviceSecretPepper: e.FLEET_DEVICE_SECRET_PEPPER,
    adminUser: e.FLEET_ADMIN_USER,
    adminPassword: e.FLEET_ADMIN_PASSWORD,
    deviceAuth: e.FLEET_DEVICE_AUTH === 'on',
    accessTokenTtlS: e.FLEET_ACCESS_TOKEN_TTL_S,
    emqxHookSecret: e.EMQX_HOOK_SECRET,
    rawRetentionDays: e.RAW_RETENTION_DAYS,
    ingest: {
      batchSize: e.INGEST_BATCH_SIZE,
      flushMs: e.INGEST_FLUSH_MS,
      bufferLimit: e.INGEST_BUFFER_LIMIT,
      shareGroup: e.INGEST_SHARE_GROUP,
    },
    corsOrigins: e.CORS_ORIGINS?.split(',') ?? [],
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    notify: {
      smtpUrl: e.SMTP_URL,
      from: e.NOTIFY_FROM,
      webhookSecret: e.NOTIFY_WEBHOOK_SECRET,
      sms: e.SMS_GATEWAY_URL
        ? { url: e.SMS_GATEWAY_URL, method: e.SMS_GATEWAY_METHOD, bodyTemplate: e.SMS_GATEWAY_BODY }
        : undefined,
      vapidKeys:
        e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
          ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
          : undefined,
      vapidSubject: e.VAPID_SUBJECT ?? vapidSubjectFrom(e.NOTIFY_FROM),
    },
    alerting: alertingConfig(e),
    cluster,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * Driving the broker's accounts needs the ingestor's own login in MQTT_URL, under a name
 * no terminal can take (terminal ids have no dots), so it is never mistaken for a device.
 */
function dynsecLogin(
  username: string | undefined,
  password: string | undefined,
  mqttUrl: string | undefined,
): AppConfig['mqttDynsec'] {
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    throw new ConfigError(
      'bad configuration: MQTT_DYNSEC_USER and MQTT_DYNSEC_PASSWORD must be set together',
    );
  }
  const ingest = mqttUrl === undefined ? undefined : parseBrokerUrl(mqttUrl);
  if (!ingest?.username || !ingest.password) {
    throw new ConfigError(
      'bad configuration: MQTT_DYNSEC_USER needs MQTT_URL with the ingestor login, e.g. mqtt://fleet.ingest:secret@mosquitto:1883',
    );
  }
  if (TERMINAL_ID_PATTERN.test(ingest.username)) {
    throw new ConfigError(
      'bad configuration: MQTT_URL user must not look like a terminal id (use a dot, e.g. fleet.ingest)',
    );
  }
  return { username, password };
}

/** Processes of a cluster share one database server and, when they ingest, one external broker. */
function clusterConfig(
  roles: string | undefined,
  databaseUrl: string | undefined,
  mqttUrl: string | undefined,
  port: number,
): ClusterConfig | undefined {
  if (roles === undefined) return undefined;
  const set = new Set(roles.split(',') as FleetRole[]);
  if (databaseUrl === undefined) {
    throw new ConfigError(
      'bad configuration: FLEET_ROLES needs DATABASE_URL, the database the processes share',
    );
  }
  if (mqttUrl === undefined) {
    throw new ConfigError('bad configuration: FLEET_ROLES needs MQTT_URL, the broker the processes share');
  }
  return { roles: set, nodeId: `${hostname()}-${port}` };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The sender of notification mail is who push services may write to; a placeholder without one. */
function vapidSubjectFrom(notifyFrom: string | undefined): string {
  const address = notifyFrom?.match(/<([^>]+)>/)?.[1] ?? notifyFrom;
  return address ? `mailto:${address}` : 'mailto:fleet-monitor@localhost';
}

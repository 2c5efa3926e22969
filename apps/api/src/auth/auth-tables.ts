import type { ColumnType, Generated, Kysely } from 'kysely';
import type { QuietHours } from '@fleet/telemetry/api/notifications';
import type { Database } from '../storage/database';

/** Row shapes of the tables migration 0003_auth creates (users: plus 0010_user_contact, 0014_alert_escalation, 0018_technician_dispatch); repositories here read them. */
export interface UsersTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  role: string;
  regions: ColumnType<string[], string[] | undefined, string[]>;
  merchant_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: ColumnType<Date, Date | undefined, never>;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  locale: ColumnType<string, string | undefined, string>;
  /** 0014_alert_escalation: `{start, end, criticalOverride?}` local HH:MM, or null. */
  quiet_hours: ColumnType<QuietHours | null, string | null | undefined, string | null>;
  /** 0018_technician_dispatch: `{models, comms}` (empty: any), or null. */
  skills: ColumnType<TechnicianSkills | null, string | null | undefined, string | null>;
  /** 0018_technician_dispatch: `{lat, lon}`, or null. */
  home_base: ColumnType<{ lat: number; lon: number } | null, string | null | undefined, string | null>;
  /** 0020_report_outages: the IANA zone report periods and schedules run in. */
  time_zone: ColumnType<string, string | undefined, string>;
}

export interface TechnicianSkills {
  models: string[];
  comms: string[];
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface DeviceCredentialsTable {
  terminal_id: string;
  secret_hash: string;
  /** The same secret in Mosquitto's `$7$` PBKDF2-SHA512 form, for external brokers. */
  broker_hash: string;
  rotated_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | undefined, never>;
  actor: string;
  action: string;
  target: string;
  detail: ColumnType<Record<string, unknown>, string, never>;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

// A type alias, not an interface: Kysely's withTables wants an indexable record.
export type AuthTables = {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  device_credentials: DeviceCredentialsTable;
  audit_log: AuditLogTable;
  server_secrets: ServerSecretsTable;
};

/** The shared database seen with this module's tables typed. */
export function authDb(database: Database): Kysely<AuthTables> {
  return database.db.withTables<AuthTables>() as unknown as Kysely<AuthTables>;
}

import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/** Users, sessions, device credentials, the audit log and server keys. Same in both modes. */
export const migration0003Auth: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table users (
        id uuid primary key default gen_random_uuid(),
        username text not null unique,
        -- argon2id, PHC string format
        password_hash text not null,
        role text not null check (role in ('admin', 'support', 'technician', 'account_manager')),
        regions text[] not null default '{}',
        merchant_ids text[] not null default '{}',
        created_at timestamptz not null default now(),
        disabled boolean not null default false
      )`,

      // One row per refresh token, stored as its SHA-256; a family is one login's rotations.
      sql`create table refresh_tokens (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        family_id uuid not null,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz
      )`,
      sql`create index refresh_tokens_family_idx on refresh_tokens (family_id)`,
      sql`create index refresh_tokens_user_idx on refresh_tokens (user_id)`,
      sql`create index refresh_tokens_expires_idx on refresh_tokens (expires_at)`,

      // Not tied to terminals: a secret may be issued before the terminal is imported.
      sql`create table device_credentials (
        terminal_id text primary key,
        -- HMAC-SHA256(server pepper, secret), base64url
        secret_hash text not null,
        -- the same secret as mosquitto_passwd writes it ($7$ PBKDF2-SHA512), for external brokers
        broker_hash text not null,
        rotated_at timestamptz not null
      )`,

      sql`create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        actor text not null,
        action text not null,
        target text not null,
        detail jsonb not null default '{}'::jsonb
      )`,
      sql`create index audit_log_actor_idx on audit_log (actor, id desc)`,
      sql`create index audit_log_action_idx on audit_log (action, id desc)`,

      // Keys generated on first start when not configured (JWT signing, device pepper).
      sql`create table server_secrets (
        name text primary key,
        value text not null,
        created_at timestamptz not null default now()
      )`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists server_secrets`,
      sql`drop table if exists audit_log`,
      sql`drop table if exists device_credentials`,
      sql`drop table if exists refresh_tokens`,
      sql`drop table if exists users`,
    ]);
  },
});

import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/** Terminals, their latest state and the dead-letter store. Same in both modes. */
export const migration0001Core: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      // Terminal ids are ASCII: byte order ("C") makes every index on them cheaper than a
      // locale collation, and ids key the hottest indexes of the schema.
      sql`create table terminals (
        terminal_id text collate "C" primary key,
        merchant_id text,
        merchant_name text,
        region text,
        lat double precision,
        lon double precision,
        model text,
        comm text,
        account_manager text,
        -- false for terminals that published before they were imported
        registered boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`,
      sql`create index terminals_region_idx on terminals (region)`,
      sql`create index terminals_merchant_idx on terminals (merchant_id)`,

      // One row per terminal. Channel states move only forward in device time; online
      // is derived from arrival order, because a Last Will carries the ts of the
      // connect at which it was registered, not of the moment the link was lost.
      // Every batch rewrites most rows: free space per page keeps those updates HOT
      // (no index churn), which cut the batch upsert's cost by about half.
      sql`create table terminal_latest (
        terminal_id text collate "C" primary key,
        heartbeat jsonb, heartbeat_ts timestamptz,
        signal jsonb, signal_ts timestamptz,
        sim jsonb, sim_ts timestamptz,
        paper jsonb, paper_ts timestamptz,
        txn jsonb, txn_ts timestamptz,
        event jsonb, event_ts timestamptz,
        status_online boolean, status_reason text,
        status_ts timestamptz, status_received_at timestamptz,
        -- platform time of the newest message that proves the terminal alive
        alive_received_at timestamptz,
        last_seen_at timestamptz,
        last_received_at timestamptz,
        online boolean generated always as (
          not coalesce(status_online = false and status_received_at >= coalesce(alive_received_at, '-infinity'), false)
        ) stored,
        online_reason text generated always as (
          case when status_online = false and status_received_at >= coalesce(alive_received_at, '-infinity')
            then status_reason end
        ) stored,
        risk_score integer not null default 0,
        causes jsonb not null default '[]'::jsonb,
        risk_updated_at timestamptz,
        updated_at timestamptz not null default now()
      ) with (fillfactor = 50)`,
      sql`create index terminal_latest_risk_idx on terminal_latest (risk_score desc)`,

      sql`create table dead_letters (
        id bigint generated always as identity primary key,
        received_at timestamptz not null,
        topic text not null,
        payload text not null,
        reason text not null,
        detail text not null,
        terminal_id text
      )`,
      sql`create index dead_letters_received_idx on dead_letters (received_at desc)`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists dead_letters`,
      sql`drop table if exists terminal_latest`,
      sql`drop table if exists terminals`,
    ]);
  },
});

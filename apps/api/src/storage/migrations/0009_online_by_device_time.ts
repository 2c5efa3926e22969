import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * `online` follows device time, like every other piece of latest state: a terminal is
 * offline when its newest status (by `ts`; an undated Last Will is dated on receipt) says
 * so and nothing it sent is newer. Before, arrival order decided, so a status flushed 30
 * hours late from a terminal's store turned a healthy terminal offline. The newest device
 * ts per channel is already kept, so alive_received_at (arrival of the newest sign of
 * life) goes.
 */
const ALIVE_TS = 'greatest(heartbeat_ts, signal_ts, txn_ts, sim_ts, paper_ts, event_ts)';
const DOWN_BY_TS = `status_online = false and status_ts >= coalesce(${ALIVE_TS}, '-infinity')`;
const DOWN_BY_ARRIVAL = `status_online = false and status_received_at >= coalesce(alive_received_at, '-infinity')`;

const generated = (down: string) =>
  sql.raw(`alter table terminal_latest
    add column online boolean generated always as (not coalesce(${down}, false)) stored,
    add column online_reason text generated always as (case when ${down} then status_reason end) stored`);

export const migration0009OnlineByDeviceTime: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`alter table terminal_latest drop column online, drop column online_reason, drop column alive_received_at`,
      generated(DOWN_BY_TS),
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table terminal_latest drop column online, drop column online_reason`,
      sql.raw(`alter table terminal_latest add column alive_received_at timestamptz`),
      sql.raw(`update terminal_latest set alive_received_at = last_received_at`),
      generated(DOWN_BY_ARRIVAL),
    ]);
  },
});

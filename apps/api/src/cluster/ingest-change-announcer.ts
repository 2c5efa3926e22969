import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { BatchAnnouncer } from '../storage/telemetry/sql-telemetry-store';
import { ADVISORY } from './advisory-keys';

/** LISTEN/NOTIFY channel: its payload is the id of a new ingest_changes row. */
export const INGEST_CHANGES_CHANNEL = 'fleet_ingest_changes';

/*
 * The lock is taken last in the batch's transaction and held until its commit, so change ids
 * are handed out in commit order: a reader that has seen id n has seen every id below it.
 * NOTIFY is transactional: it is delivered on commit, never for a rolled-back batch.
 */
const ANNOUNCE_SQL = `
with ordered as (select pg_advisory_xact_lock(${ADVISORY.changeOrder}, 0)),
change as (
  insert into ingest_changes (messages) select $1::text from ordered returning id
)
select pg_notify('${INGEST_CHANGES_CHANNEL}', id::text) from change`;

/** The ingest side of the change feed: each commit's new messages, as one ingest_changes row. */
export const announceIngestChanges: BatchAnnouncer = async (run, fresh: readonly TelemetryMessage[]) => {
  await run(ANNOUNCE_SQL, [JSON.stringify(fresh)]);
};

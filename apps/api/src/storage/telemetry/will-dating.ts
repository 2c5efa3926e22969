import type { MessageOf, TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { toArrayLiteral } from './pg-array-literal';
import type { SqlRunner } from './sql-runner';

/**
 * A Last Will the ingestor judged to have taken effect after the traffic its terminal sent
 * before it (undated, or dated with its connect time: see StatusTimeline).
 */
export type WillAfterTraffic = MessageOf<'status'> & { afterTraffic: true };

export const isWillAfterTraffic = (message: TelemetryMessage): message is WillAfterTraffic =>
  message.channel === 'status' && (message as Partial<WillAfterTraffic>).afterTraffic === true;

/** The newest device time of anything each terminal sent that is stored (as `online` reads it, migration 0009). */
const NEWEST_TRAFFIC_SQL = `
select terminal_id,
  round(extract(epoch from greatest(heartbeat_ts, signal_ts, txn_ts, sim_ts, paper_ts, event_ts)) * 1000)::float8 as newest_ms
from terminal_latest
where terminal_id = any($1::text[])`;

/**
 * Moves each such Will to just after the newest traffic of its terminal stored so far, in
 * place, so its raw row, latest state and the commit's listeners all have it there. With
 * several ingest processes the broker's shared subscription hands a terminal's messages to
 * any of them: the process that receives the Will may not have heard the newest of that
 * traffic, but the database has. Deterministic, so a redelivered Will gets the same time.
 */
export async function dateWillsAfterStoredTraffic(
  run: SqlRunner,
  messages: readonly TelemetryMessage[],
): Promise<void> {
  const wills = messages.filter(isWillAfterTraffic);
  if (wills.length === 0) return;
  const ids = [...new Set(wills.map((will) => will.terminalId))];
  const { rows } = await run<{ terminal_id: string; newest_ms: number | null }>(NEWEST_TRAFFIC_SQL, [
    toArrayLiteral(ids),
  ]);
  const newest = new Map(
    rows.map((row) => [row.terminal_id, row.newest_ms === null ? null : Number(row.newest_ms)]),
  );
  for (const will of wills) {
    const stored = newest.get(will.terminalId);
    if (stored === undefined || stored === null || will.ts > stored) continue;
    will.ts = stored + 1;
    will.payload = { ...will.payload, ts: will.ts };
  }
}

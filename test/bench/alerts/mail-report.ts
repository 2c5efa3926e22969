import type { AlertView } from '@fleet/telemetry/api/alerts';
import { sql } from 'kysely';
import { notificationsDb } from '../../../apps/api/src/notifications/notification-tables';
import type { Database } from '../../../apps/api/src/storage/database';
import type { PlannedUser } from './fleet-plan';
import type { SmtpSink } from './smtp-sink';

/** One alert notice in one accepted mail. */
export interface Delivery {
  alertId: string;
  address: string;
  /** From the alert being raised (its `changedAt`, on the alerts' clock) to the SMTP server's 250. */
  latencyMs: number;
}

export interface MailReport {
  deliveries: Delivery[];
  /** The same notice accepted twice for one address. */
  duplicates: number;
  /** Accepted mails the outbox does not know (should be none). */
  unmatched: number;
}

interface NoticePayload {
  alerts?: Array<{ id: string; change: string; changedAt: string }>;
}

/**
 * The e-mail rows' payloads by idempotency key, each read once: a support agent's storm mail
 * lists 2,000 alerts, and reading them all every second took the platform's CPU.
 */
const payloads = new WeakMap<Database, Map<string, NoticePayload>>();

async function mailPayloads(database: Database): Promise<Map<string, NoticePayload>> {
  const known = payloads.get(database) ?? new Map<string, NoticePayload>();
  payloads.set(database, known);
  const db = notificationsDb(database);
  const keys = await db
    .selectFrom('notifications')
    .select('idempotency_key')
    .where('channel', '=', 'email')
    .execute();
  const fresh = keys.map((row) => row.idempotency_key).filter((key) => !known.has(key));
  if (fresh.length > 0) {
    const rows = await db
      .selectFrom('notifications')
      .select(['idempotency_key', 'payload'])
      .where('idempotency_key', 'in', fresh)
      .execute();
    for (const row of rows) known.set(row.idempotency_key, row.payload as NoticePayload);
  }
  return known;
}

/** Joins what the SMTP server accepted with the outbox rows it came from (by the idempotency key header). */
export async function mailReport(database: Database, sink: SmtpSink): Promise<MailReport> {
  const byKey = await mailPayloads(database);
  const seen = new Set<string>();
  const report: MailReport = { deliveries: [], duplicates: 0, unmatched: 0 };
  for (const mail of [...sink.mails]) {
    const payload = byKey.get(mail.notificationKey);
    if (payload === undefined) {
      report.unmatched++;
      continue;
    }
    for (const notice of payload.alerts ?? []) {
      const pair = `${notice.id}:${notice.change}:${notice.changedAt}|${mail.to}`;
      if (seen.has(pair)) {
        report.duplicates++;
        continue;
      }
      seen.add(pair);
      report.deliveries.push({
        alertId: notice.id,
        address: mail.to,
        latencyMs: mail.acceptedAt - Date.parse(notice.changedAt),
      });
    }
  }
  return report;
}

/**
 * Who should hear of an alert, worked out from the plan rather than the platform: every
 * support agent, the technicians of its region and, for a terminal alert, the account
 * manager of its merchant.
 */
export function expectedAddresses(alert: AlertView, users: readonly PlannedUser[]): string[] {
  return users
    .filter(
      (user) =>
        user.role === 'support' ||
        (user.role === 'technician' && alert.region !== undefined && user.regions.includes(alert.region)) ||
        (user.role === 'account_manager' &&
          alert.terminalId !== undefined &&
          alert.merchantId !== undefined &&
          user.merchantIds.includes(alert.merchantId)),
    )
    .map((user) => user.email);
}

/** The (alert, address) pairs of `alerts` not yet in `report`. */
export function missingDeliveries(
  alerts: readonly AlertView[],
  users: readonly PlannedUser[],
  report: MailReport,
): Array<{ alertId: string; address: string }> {
  const delivered = new Set(report.deliveries.map((d) => `${d.alertId}|${d.address}`));
  return alerts.flatMap((alert) =>
    expectedAddresses(alert, users)
      .filter((address) => !delivered.has(`${alert.id}|${address}`))
      .map((address) => ({ alertId: alert.id, address })),
  );
}

/** Outbox rows per channel and state, e.g. `email sent 258, in_app sent 26010`. */
export async function outboxCounts(database: Database): Promise<string> {
  const { rows } = await sql<{ channel: string; state: string; n: string }>`
    select channel, state, count(*)::text as n from notifications group by channel, state order by channel, state`.execute(
    notificationsDb(database),
  );
  return rows.map((row) => `${row.channel} ${row.state} ${row.n}`).join(', ') || 'empty';
}

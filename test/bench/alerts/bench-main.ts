import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from '../../../apps/api/src/storage/testing/test-database';
import { DEFAULT_ALERT_OPTIONS } from '../../../apps/api/src/alerts/alert-options';
import { DEFAULT_NOTIFICATION_OPTIONS } from '../../../apps/api/src/notifications/notification-options';
import { summarize } from '../web/stats';
import { AlertLog } from './alert-log';
import { startAlertPlatform, type AlertPlatform } from './alert-platform';
import { OPTIONS, TARGETS } from './bench-options';
import { timeEvaluations } from './eval-timing';
import { planFleet, type FleetPlan } from './fleet-plan';
import { FleetPublisher, type Publish } from './fleet-publisher';
import { mailReport, missingDeliveries, outboxCounts } from './mail-report';
import { registerFleet } from './register-fleet';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { GroupTableWatch, stageTimings } from './stage-timings';
import { runBench } from '../bench-runner';

/**
 * npm run bench:alerts — the alert engine and the notification pipeline under a carrier
 * outage and a wave of independent faults, on this machine's PostgreSQL (a database of its
 * own), the embedded broker and a real SMTP server, on the wall clock. 100,000 imported
 * terminals report healthy over MQTT; one carrier's 10,000 lose their connection (Last
 * Will), then 2,000 other terminals run out of paper or drop. The risk engine finds the
 * causes and the incident, the alert engine opens the alerts, routing and grouping make the
 * messages, the outbox worker hands them to nodemailer. Knobs: bench-options.ts. Ends with
 * one line; exits 1 when a target or a check fails, 2 when the bench itself failed.
 */

const log = (line: string) => console.log(line);
/** Terminals whose healthy reports go out together, each slice dated when it is sent. */
const HEALTHY_SLICE = 5000;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

interface Results {
  alerts: number;
  messages: number;
  recipients: number;
  raiseToMailP95Ms: number;
  evalMs: number;
  failedChecks: string[];
}

async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${seconds(ms)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the mailbox against the plan until every (alert, recipient) pair has arrived. */
async function mailsFor(
  db: TestDatabase,
  sink: SmtpSink,
  plan: FleetPlan,
  alerts: Parameters<typeof missingDeliveries>[0],
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  let reported = started;
  for (;;) {
    const missing = missingDeliveries(alerts, plan.users, await mailReport(db.database, sink));
    if (missing.length === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `${missing.length} notices never reached their mailbox, e.g. ${JSON.stringify(missing[0])}`,
      );
    if (Date.now() - reported >= 5000) {
      reported = Date.now();
      log(
        `mail: ${sink.mails.length} accepted, ${missing.length} notices to go; outbox ${await outboxCounts(db.database)}`,
      );
    }
    await delay(1000);
  }
}

async function evalPhase(alerts: AlertPlatform, name: string): Promise<number> {
  const times = await timeEvaluations(alerts.engine, OPTIONS.evalSamples);
  const s = summarize(times);
  log(
    `eval (${name}): median ${s.p50.toFixed(0)} ms, max ${s.max.toFixed(0)} ms over ${s.count} evaluations`,
  );
  return s.p50;
}

async function run(cleanups: Array<() => Promise<void>>): Promise<Results> {
  if (!(await isPostgresReachable()))
    throw new Error('PostgreSQL at 127.0.0.1:5432 (TEST_POSTGRES_URL) is not reachable');
  log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const plan = planFleet(OPTIONS);
  const regions = new Set(plan.terminals.map((t) => t.region)).size;
  const merchants = new Set(plan.terminals.map((t) => t.merchantId)).size;
  log(
    `plan: ${plan.terminals.length} terminals of ${merchants} merchants in ${regions} regions; outage ${plan.outage.length}, ` +
      `faults ${plan.faults.length}; users ${plan.users.length} (${OPTIONS.supportAgents} support, ` +
      `${plan.users.filter((u) => u.role === 'technician').length} technicians, ${plan.users.filter((u) => u.role === 'account_manager').length} account managers)`,
  );

  const db = await createTestDatabase('postgres');
  cleanups.push(async () => {
    await db.drop();
    log('db: dropped');
  });
  let started = performance.now();
  await registerFleet(db.database, plan);
  log(
    `db: ${db.databaseUrl}; terminals imported and users added in ${seconds(performance.now() - started)} s`,
  );

  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  started = performance.now();
  const alerts = await startAlertPlatform(db.database, {
    smtpUrl: sink.url,
    groupIntervalMs: OPTIONS.groupIntervalMs,
    ...(OPTIONS.raiseAfterMinutes === undefined ? {} : { raiseAfterMinutes: OPTIONS.raiseAfterMinutes }),
  });
  cleanups.push(() => alerts.platform.close());
  const alertLog = new AlertLog(alerts.events);
  cleanups.push(async () => alertLog.close());
  const groupWatch = new GroupTableWatch(db.database);
  groupWatch.start();
  cleanups.push(() => groupWatch.stop());
  log(
    `platform: up in ${seconds(performance.now() - started)} s (group wait ${seconds(DEFAULT_NOTIFICATION_OPTIONS.grouping.groupWaitMs)} s, interval ${seconds(OPTIONS.groupIntervalMs)} s)`,
  );
  const publisher = await FleetPublisher.connect(
    alerts.platform.brokerUrl,
    OPTIONS.connections,
    OPTIONS.window,
  );
  cleanups.push(() => publisher.close());

  /** Publishes and waits until the ingest has stored every message; returns how long that took. */
  const publish = async (messages: Publish[]): Promise<number> => {
    const before = alerts.platform.stats();
    const at = performance.now();
    await publisher.publish(messages);
    await alerts.platform.ingested(before.stored + before.duplicates + before.rejected + messages.length);
    return performance.now() - at;
  };

  // Healthy fleet: a heartbeat every 10 min (so nobody falls silent during the run) and the
  // carrier's signal, dated as sent (in slices), so the ingest never looks behind.
  const healthyAt = performance.now();
  for (let from = 0; from < plan.terminals.length; from += HEALTHY_SLICE) {
    const ts = Date.now();
    await publish(
      plan.terminals.slice(from, from + HEALTHY_SLICE).flatMap((t): Publish[] => [
        [
          t.terminalId,
          'heartbeat',
          { ts, seq: 0, intervalS: 600, uptimeS: 86_400, comm: '4g', power: 'mains' },
        ],
        [
          t.terminalId,
          'signal',
          { ts, seq: 0, comm: '4g', rsrpDbm: -85, rsrqDb: -9, sinrDb: 12, mccMnc: t.mccMnc },
        ],
      ]),
    );
  }
  log(
    `mqtt: healthy fleet: ${2 * plan.terminals.length} messages stored in ${seconds(performance.now() - healthyAt)} s`,
  );
  await alerts.platform.caughtUp();
  await alerts.platform.risk.sweep();
  await alerts.platform.risk.settled();
  await evalPhase(alerts, `healthy fleet, ${alertLog.opened.size} alerts`);

  // The carrier outage: every terminal of one carrier loses its connection (their Last Wills).
  const outageAt = Date.now();
  const outageMs = await publish(
    plan.outage.map((t): Publish => [t.terminalId, 'status', { online: false, reason: 'lost' }]),
  );
  log(
    `mqtt: carrier outage: ${plan.outage.length} Last Wills published and stored in ${seconds(outageMs)} s`,
  );
  await within(
    alertLog.until(() => alertLog.ofCode('CARRIER_OUTAGE').length > 0),
    120_000,
    'the outage alert',
  );
  const outageAlert = alertLog.ofCode('CARRIER_OUTAGE')[0]!;
  log(
    `alert: ${outageAlert.code} opened ${seconds(Date.parse(outageAlert.openedAt) - outageAt)} s after the first Last Will: ${outageAlert.evidence}`,
  );
  const outageMailMs = await mailsFor(db, sink, plan, [outageAlert], 120_000);
  const lastOutageMail = Math.max(...sink.mails.map((m) => m.acceptedAt));
  log(
    `mail: the outage reached ${sink.mails.length} mailboxes within ${seconds(outageMailMs)} s of its alert being logged`,
  );
  await evalPhase(alerts, `outage, ${plan.outage.length} terminals down`);

  // The faults open after their raise time; that must fall after the group interval of the outage mail.
  const raiseMs = Math.max(
    ...(['PAPER_OUT', 'OFFLINE'] as const).map(
      (code) => (OPTIONS.raiseAfterMinutes ?? DEFAULT_ALERT_OPTIONS.causes[code].raiseAfterMinutes) * 60_000,
    ),
  );
  const faultsAt = lastOutageMail + OPTIONS.groupIntervalMs - raiseMs + 2000;
  if (faultsAt > Date.now()) {
    log(
      `wait: ${seconds(faultsAt - Date.now())} s, so the faults open after the outage mail's group interval`,
    );
    await delay(faultsAt - Date.now());
  }
  const faultsPublishedAt = Date.now();
  const ts = Date.now();
  const faultsMs = await publish(
    plan.faults.map(({ terminal, kind }): Publish =>
      kind === 'paper_out'
        ? [terminal.terminalId, 'paper', { ts, seq: 1, status: 'out' }]
        : [terminal.terminalId, 'status', { online: false, reason: 'lost' }],
    ),
  );
  log(
    `mqtt: independent faults: ${plan.faults.length} messages published and stored in ${seconds(faultsMs)} s`,
  );
  const faulted = new Set(plan.faults.map((f) => f.terminal.terminalId));
  const faultAlerts = () =>
    [...alertLog.opened.values()].filter((a) => a.terminalId !== undefined && faulted.has(a.terminalId));
  await within(
    alertLog.until(() => faultAlerts().length >= faulted.size),
    raiseMs + 180_000,
    `alerts for all ${faulted.size} faulted terminals`,
  );
  const openedAt = faultAlerts().map((a) => Date.parse(a.openedAt));
  log(
    `alert: ${faulted.size} fault alerts opened ${seconds(Math.min(...openedAt) - faultsPublishedAt)}–` +
      `${seconds(Math.max(...openedAt) - faultsPublishedAt)} s after the faults were published (raise time ${seconds(raiseMs)} s)`,
  );
  const faultMailMs = await mailsFor(db, sink, plan, faultAlerts(), 600_000);
  log(
    `mail: every fault notice in its mailboxes ${seconds(faultMailMs)} s after the last alert was logged; outbox ${await outboxCounts(db.database)}`,
  );
  await groupWatch.stop();
  const faultIds = new Set(faultAlerts().map((a) => a.id));
  const { leaseMs } = DEFAULT_NOTIFICATION_OPTIONS;
  for (const line of await stageTimings(db.database, sink, groupWatch, faultIds, leaseMs)) log(line);
  const evalMs = await evalPhase(
    alerts,
    `outage and faults, ${plan.outage.length + faulted.size} terminals at risk`,
  );

  // Checks: the outage held back its members' alerts, nothing was mailed twice, every mail came from the outbox.
  const outageIds = new Set(plan.outage.map((t) => t.terminalId));
  const { rows } = await sql<{ total: string; members: string }>`
    select count(*)::text as total, count(*) filter (where terminal_id = any(${[...outageIds]}))::text as members
    from alerts`.execute(db.database.db);
  if (Number(rows[0]!.members) > 0) {
    const { rows: sample } = await sql<{
      terminal_id: string;
      code: string;
      opened_at: Date;
      evidence: unknown;
    }>`
      select terminal_id, code, opened_at, evidence from alerts where terminal_id = any(${[...outageIds]})
      order by opened_at limit 3`.execute(db.database.db);
    log(`check: alerts for outage members, e.g. ${JSON.stringify(sample)}`);
  }
  const report = await mailReport(db.database, sink);
  const recipients = new Set(sink.mails.map((m) => m.to)).size;
  const failedChecks = [
    Number(rows[0]!.members) > 0 && `${rows[0]!.members} alerts for members of the outage`,
    report.duplicates > 0 && `${report.duplicates} notices mailed twice to one address`,
    report.unmatched > 0 && `${report.unmatched} mails the outbox does not know`,
    sink.mails.length > 2 * recipients &&
      `${sink.mails.length} messages for ${recipients} recipients: more than two each`,
  ].filter((x): x is string => typeof x === 'string');
  const latency = summarize(report.deliveries.map((d) => d.latencyMs));
  log(
    `raise-to-mail over ${latency.count} notices: p50 ${seconds(latency.p50)} s, p95 ${seconds(latency.p95)} s, ` +
      `max ${seconds(latency.max)} s; ${sink.mails.length} mails, ${(sink.mails.length / recipients).toFixed(2)} per recipient`,
  );
  log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  return {
    alerts: Number(rows[0]!.total),
    messages: sink.mails.length,
    recipients,
    raiseToMailP95Ms: latency.p95,
    evalMs,
    failedChecks,
  };
}

async function main(): Promise<void> {
  const results = await runBench('alerts', OPTIONS.timeoutMs, run);
  const missed = [
    ...results.failedChecks,
    results.raiseToMailP95Ms > TARGETS.raiseToMailP95Ms &&
      `raise-to-mail p95 > ${seconds(TARGETS.raiseToMailP95Ms)} s`,
  ].filter(Boolean);
  if (missed.length > 0) console.log(`failed: ${missed.join('; ')}`);
  console.log(
    `alerts: ${results.alerts} alerts, ${results.messages} messages for ${results.recipients} recipients, ` +
      `raise-to-mail p95 ${seconds(results.raiseToMailP95Ms)} s, eval ${Math.round(results.evalMs)} ms/sweep`,
  );
  process.exit(missed.length > 0 ? 1 : 0);
}

void main();

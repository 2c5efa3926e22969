import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_REPORT_TIME_ZONE } from '@fleet/telemetry/api/reports';
import { callJson, loginToken } from '../../../apps/api/src/auth/testing/http-client';
import { resolvePeriod } from '../../../apps/api/src/reports/period/report-period';
import { addDays, localDateOf } from '../../../apps/api/src/reports/period/zoned-time';
import { createTestDatabase, isPostgresReachable } from '../../../apps/api/src/storage/testing/test-database';
import { summarize } from '../web/stats';
import { runBench } from '../bench-runner';
import { ApiProcess, BENCH_ADMIN } from './api-process';
import { OPTIONS, TARGETS } from './bench-options';
import { downloadReport, type Download } from './report-download';
import { benchMerchantId, seedRollups, SMALL_FLEET_REGION } from './seed-rollups';

/**
 * npm run bench:reports — GET /reports/device-health over HTTP on the built platform in a
 * child process, against a throw-away database on this machine's PostgreSQL whose rollups
 * the seed wrote directly (seed-rollups.ts): an account manager's 5,000-terminal portfolio
 * as PDF and CSV over 30 days, and a support user's fleet-wide CSV of 100,000 terminals for
 * the month, with the API's peak RSS per download; a technician's 20,000-terminal region
 * gives the same CSV for a fifth of the fleet, whose peak the full one must not outgrow.
 * Knobs: bench-options.ts. Ends with one line; exits 1 when a target or a check fails, 2
 * when the bench itself failed.
 */

const log = (line: string) => console.log(line);
const PASSWORD = 'bench-user-password-1';
const DAY_MS = 86_400_000;

interface Timed {
  ms: number;
  peakRssMb: number;
}

interface Results {
  pdf: Timed;
  csv: Timed;
  fleetCsv: Timed;
  smallFleetCsv: Timed;
  idlePeakRssMb: number;
  peakRssMb: number;
  failedChecks: string[];
}

async function run(cleanups: Array<() => Promise<void>>): Promise<Results> {
  if (!(await isPostgresReachable()))
    throw new Error('PostgreSQL at 127.0.0.1:5432 (TEST_POSTGRES_URL) is not reachable');
  const portfolio = Math.min(OPTIONS.portfolio, OPTIONS.terminals);
  const smallFleet = Math.min(OPTIONS.smallFleet, OPTIONS.terminals);
  log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  // The last `days` whole local days, in the users' (default) time zone.
  const now = new Date();
  const to = localDateOf(now.getTime(), DEFAULT_REPORT_TIME_ZONE);
  const from = addDays(to, -OPTIONS.days);
  const period = resolvePeriod(from, to, DEFAULT_REPORT_TIME_ZONE);
  const utcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const query = `from=${from}&to=${to}`;
  log(
    `plan: ${OPTIONS.terminals} terminals, ${OPTIONS.terminalsPerMerchant} per merchant; portfolio ${portfolio}, ` +
      `small fleet ${smallFleet}; period ${from} – ${to} (${OPTIONS.days} d, ${DEFAULT_REPORT_TIME_ZONE}) and the one before`,
  );

  const db = await createTestDatabase('postgres');
  cleanups.push(async () => {
    await db.drop();
    log('db: dropped');
  });
  await seedRollups(
    db.database.db,
    {
      terminals: OPTIONS.terminals,
      portfolio,
      smallFleet,
      terminalsPerMerchant: OPTIONS.terminalsPerMerchant,
      readFrom: period.previousFrom,
      readTo: period.to,
      simFrom: period.from,
      edgeDays: [period.previousFrom, period.from, period.to].map(utcDay),
      now,
    },
    log,
  );
  // The platform opens its own pool; the seed's may go.
  const databaseUrl = db.databaseUrl!;

  const started = performance.now();
  const api = await ApiProcess.start(databaseUrl);
  cleanups.push(() => api.stop());
  log(
    `platform: up in ${((performance.now() - started) / 1000).toFixed(1)} s, rss ${api.rssMb().toFixed(0)} MB`,
  );

  const admin = await loginToken(api.api, BENCH_ADMIN.username, BENCH_ADMIN.password);
  const merchants = Math.ceil(portfolio / OPTIONS.terminalsPerMerchant);
  const users = [
    {
      username: 'bench-am',
      role: 'account_manager',
      merchantIds: Array.from({ length: merchants }, (_, i) => benchMerchantId(i)),
    },
    { username: 'bench-support', role: 'support' },
    { username: 'bench-tech', role: 'technician', regions: [SMALL_FLEET_REGION] },
  ];
  for (const user of users) {
    const reply = await callJson(api.api, 'POST', '/users', {
      token: admin,
      body: { ...user, password: PASSWORD, locale: 'zh-CN' },
    });
    if (reply.status !== 201)
      throw new Error(`POST /users ${user.username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  const tokenOf = (username: string) => loginToken(api.api, username, PASSWORD);
  const failedChecks: string[] = [];
  let peakRssMb = api.peakRssMb();

  /** Warms up once, then times `samples` downloads; each download's peak RSS is its own. */
  async function measure(
    name: string,
    username: string,
    accept: 'text/csv' | 'application/pdf',
    samples: number,
    check: (download: Download) => string | undefined,
    warmUp = true,
  ): Promise<Timed> {
    const token = await tokenOf(username);
    if (warmUp) {
      const warm = await downloadReport(api.api, token, query, accept);
      log(`${name}: warm-up ${warm.ms.toFixed(0)} ms, ${(warm.bytes / 1e6).toFixed(1)} MB`);
    }
    const times: number[] = [];
    let peak = 0;
    let last: Download | undefined;
    for (let i = 0; i < samples; i++) {
      api.resetPeak();
      last = await downloadReport(api.api, token, query, accept, accept === 'application/pdf');
      const rss = api.peakRssMb();
      peak = Math.max(peak, rss);
      times.push(last.ms);
      log(
        `${name}: ${last.ms.toFixed(0)} ms, ${(last.bytes / 1e6).toFixed(1)} MB, peak rss ${rss.toFixed(0)} MB`,
      );
    }
    const problem = check(last!);
    if (problem) failedChecks.push(`${name}: ${problem}`);
    peakRssMb = Math.max(peakRssMb, peak);
    return { ms: summarize(times).p50, peakRssMb: peak };
  }

  const csvOf = (terminals: number) => (d: Download) => {
    if (![...d.head.subarray(0, 3)].every((b, i) => b === [0xef, 0xbb, 0xbf][i])) return 'no UTF-8 BOM';
    if (d.lines !== terminals + 1) return `${d.lines - 1} lines for ${terminals} terminals`;
    return undefined;
  };
  const out = mkdtempSync(join(tmpdir(), 'fleet-bench-report-pdf-'));
  cleanups.push(async () => rmSync(out, { recursive: true, force: true }));
  const pdfCheck = (d: Download) => {
    if (d.head.subarray(0, 5).toString('latin1') !== '%PDF-') return 'not a PDF';
    const file = join(out, 'portfolio.pdf');
    writeFileSync(file, d.body!);
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
    log(`pdf: ${pages} pages`);
    return undefined;
  };

  const pdf = await measure(
    `pdf (${portfolio} terminals)`,
    'bench-am',
    'application/pdf',
    OPTIONS.samples,
    pdfCheck,
  );
  const csv = await measure(
    `csv (${portfolio} terminals)`,
    'bench-am',
    'text/csv',
    OPTIONS.samples,
    csvOf(portfolio),
  );
  // The platform's own memory cycles while idle (seconds-long sweeps of the whole fleet):
  // a download's peak is compared with this as well as with the smaller fleet's.
  api.resetPeak();
  await new Promise((r) => setTimeout(r, OPTIONS.idleSampleMs));
  const idlePeakRssMb = api.peakRssMb();
  log(
    `idle: peak rss ${idlePeakRssMb.toFixed(0)} MB over ${OPTIONS.idleSampleMs / 1000} s without a request`,
  );
  peakRssMb = Math.max(peakRssMb, idlePeakRssMb);
  const smallFleetCsv = await measure(
    `fleet csv (${smallFleet} terminals, one region)`,
    'bench-tech',
    'text/csv',
    1,
    csvOf(smallFleet),
    false,
  );
  const fleetCsv = await measure(
    `fleet csv (${OPTIONS.terminals} terminals)`,
    'bench-support',
    'text/csv',
    1,
    csvOf(OPTIONS.terminals),
    false,
  );
  log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  return { pdf, csv, fleetCsv, smallFleetCsv, idlePeakRssMb, peakRssMb, failedChecks };
}

async function main(): Promise<void> {
  const r = await runBench('reports', OPTIONS.timeoutMs, run);
  const growth = r.fleetCsv.peakRssMb / Math.max(r.smallFleetCsv.peakRssMb, r.idlePeakRssMb);
  console.log(
    `memory: fleet csv peak rss ${r.smallFleetCsv.peakRssMb.toFixed(0)} MB for ${Math.min(OPTIONS.smallFleet, OPTIONS.terminals)} terminals, ` +
      `${r.fleetCsv.peakRssMb.toFixed(0)} MB for ${OPTIONS.terminals}, idle ${r.idlePeakRssMb.toFixed(0)} MB (× ${growth.toFixed(2)} of the larger)`,
  );
  const missed = [
    ...r.failedChecks,
    r.pdf.ms > TARGETS.pdfMs && `pdf > ${TARGETS.pdfMs} ms`,
    r.csv.ms > TARGETS.csvMs && `csv > ${TARGETS.csvMs} ms`,
    r.fleetCsv.ms > TARGETS.fleetCsvMs && `fleet csv > ${TARGETS.fleetCsvMs / 1000} s`,
    growth > TARGETS.rssGrowth && `fleet csv peak rss grew × ${growth.toFixed(2)} with the fleet`,
  ].filter(Boolean);
  if (missed.length > 0) console.log(`failed: ${missed.join('; ')}`);
  console.log(
    `reports: pdf ${Math.round(r.pdf.ms)} ms (${OPTIONS.portfolio / 1000}k terminals, ${OPTIONS.days} d), ` +
      `csv ${Math.round(r.csv.ms)} ms, fleet csv ${(r.fleetCsv.ms / 1000).toFixed(1)} s, peak rss ${Math.round(r.peakRssMb)} MB`,
  );
  process.exit(missed.length > 0 ? 1 : 0);
}

void main();

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { FleetControl, sumStats, type FleetStats } from './fleet-control';
import { issueSecrets, writeAccountsFile } from './fleet-accounts';
import { faultPlan } from './fault-plan';
import { IncidentWatch } from './incident-watch';
import {
  attributeLosses,
  lostByPlatform,
  lostInBrokerCrash,
  type BrokerCrash,
  type Phase,
} from './loss-attribution';
import { startPersistentMosquitto } from './persistent-mosquitto';
import { PlatformProcess } from './platform-process';
import { startPostgres } from '../../support/private-postgres';
import { secondsToRecover } from './recovery';
import { StoreProbe } from './store-probe';

/**
 * npm run bench:faults: a simulated fleet through a private Mosquitto (the shipped config,
 * accounts kept by the platform) into the real platform and a private PostgreSQL, under
 * five faults one after another; then acked vs stored by seq.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TERMINALS = env('BENCH_TERMINALS', 5000);
const RATE = env('BENCH_RATE', 20000);
const SETTLE_S = env('BENCH_SETTLE_S', 30);
const WARMUP_S = env('BENCH_WARMUP_S', 20);
const RECOVERY_TIMEOUT_S = env('BENCH_RECOVERY_TIMEOUT_S', 180);
const PROCESSES = env('BENCH_FLEET_PROCESSES', 2);
/** file: secrets issued, then all accounts written at once (MOSQUITTO.md's bulk path); api: each account written live. */
const ACCOUNTS = process.env.BENCH_ACCOUNTS ?? 'file';
const AUTOSAVE_S = process.env.BENCH_AUTOSAVE_S === undefined ? undefined : env('BENCH_AUTOSAVE_S', 0);
/** Which faults run, in this order: kill, postgres, mosquitto, storm, bad (all by default). */
const FAULTS = (process.env.BENCH_FAULTS ?? 'kill,postgres,mosquitto,storm,bad').split(',');
const PREFIX = 'FT';
const ADMIN = { user: 'bench-admin', password: 'bench-faults-password-1' };
const DYNSEC = { username: 'bench-dynsec', password: 'bench-dynsec-password-1' };
const INGEST = { username: 'fleet.ingest', password: 'bench-ingest-password-1' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  log(
    `faults bench: ${TERMINALS} terminals, ${RATE} msg/s, settle ${SETTLE_S} s, ${PROCESSES} fleet processes, load ${load()}`,
  );
  const pg = await startPostgres();
  const mosquitto = await startPersistentMosquitto(DYNSEC, AUTOSAVE_S);
  const ingestUrl = mosquitto.url.replace('mqtt://', `mqtt://${INGEST.username}:${INGEST.password}@`);
  const platformEnv = {
    mqttUrl: ingestUrl,
    databaseUrl: pg.url,
    port: await freePort(),
    adminUser: ADMIN.user,
    adminPassword: ADMIN.password,
  };
  const platform = new PlatformProcess({ ...platformEnv, dynsec: DYNSEC });
  const fleets: FleetControl[] = [];
  const work = mkdtempSync(join(tmpdir(), 'bench-faults-work-'));
  chmodSync(work, 0o755); // the server reads the acked lists with COPY (it may run as another user)
  const watch = new IncidentWatch(platform.baseUrl, ADMIN.user, ADMIN.password, SETTLE_S * 1000);
  let stopPolling = false;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const f of fleets) f.stop();
    await platform.killHard();
    await mosquitto.destroy();
    pg.destroy();
    rmSync(work, { recursive: true, force: true });
  };
  // An interrupted run still stops its own broker, database and platform.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  try {
    await platform.start();
    log(
      `platform up at ${platform.baseUrl}, broker ${mosquitto.url} (autosave ${mosquitto.autosaveS} s), database ${pg.url}`,
    );
    const ids = Array.from({ length: TERMINALS }, (_, i) => `${PREFIX}${i.toString().padStart(6, '0')}`);
    let passwords: Record<string, string>;
    if (ACCOUNTS === 'api') passwords = await issueSecrets(platform.baseUrl, ADMIN, ids, log);
    else {
      // The platform has written the baseline (the ingestor's account); now the bulk path.
      await platform.killHard();
      const issuer = new PlatformProcess(platformEnv);
      await issuer.start();
      passwords = await issueSecrets(issuer.baseUrl, ADMIN, ids, log);
      await issuer.killHard();
      await mosquitto.stop();
      writeAccountsFile(mosquitto.accountsFile, { databaseUrl: pg.url, mqttUrl: ingestUrl, dynsec: DYNSEC });
      await mosquitto.start();
      await platform.start();
      log(
        `broker accounts for ${TERMINALS} terminals written with broker:dynsec-file, broker and platform restarted`,
      );
    }
    for (let p = 0; p < PROCESSES; p += 1) fleets.push(await FleetControl.start());
    await Promise.all(
      fleets.map((f, p) => {
        const mine = ids.filter((_, i) => i % PROCESSES === p);
        return f.send({
          cmd: 'start',
          url: mosquitto.url,
          ids: mine,
          passwords: Object.fromEntries(mine.map((id) => [id, passwords[id]!])),
          rate: RATE / PROCESSES,
        });
      }),
    );
    const fleetStats = async (): Promise<FleetStats> =>
      sumStats(await Promise.all(fleets.map((f) => f.send({ cmd: 'stats' }))));
    const db = new StoreProbe(pg.url);

    // Progress and the incident watch run all along.
    const progress = (async () => {
      while (!stopPolling) {
        await watch.poll();
        const s = await fleetStats();
        const stored = await db.stored();
        log(
          `sent ${s.sent}, acked ${s.ackedUnique}, stored ${stored ?? 'db down'}, outbox ${s.outbox}, connected ${s.connected}/${TERMINALS}, false incidents ${watch.count}`,
        );
        await sleep(5000);
      }
    })();

    const warmCpu = mosquitto.cpuSeconds();
    await sleep(WARMUP_S * 1000);
    log(
      `Mosquitto CPU in the warm-up: ${(((mosquitto.cpuSeconds() - warmCpu) / WARMUP_S) * 100).toFixed(0)}% of a core`,
    );
    const recoveries: Array<{ fault: string; seconds: number }> = [];
    const phases: Phase[] = [{ name: 'warm-up', from: t0 }];
    const crashes: BrokerCrash[] = [];
    let phaseStart = { at: Date.now(), cpu: mosquitto.cpuSeconds() };
    const recoverySources = {
      terminals: TERMINALS,
      normalOutbox: RATE,
      fleetStats,
      ackedBetween: async (fromMs: number, toMs: number) =>
        (
          await Promise.all(
            fleets.map((f) => f.send<{ acked: number }>({ cmd: 'ackedBetween', fromMs, toMs })),
          )
        ).reduce((a, b) => a + b.acked, 0),
      storedBetween: (fromMs: number, toMs: number) => db.storedBetween(fromMs, toMs),
      watch,
    };
    const plan = faultPlan({
      platform,
      pg,
      mosquitto,
      fleets,
      db,
      terminals: TERMINALS,
      crashes,
      log,
      phase: (name) => {
        phases.push({ name, from: Date.now() });
        phaseStart = { at: Date.now(), cpu: mosquitto.cpuSeconds() };
        log(name);
      },
      recover: async (fault) => {
        const { seconds, timedOut } = await secondsToRecover(
          Date.now(),
          recoverySources,
          RECOVERY_TIMEOUT_S * 1000,
        );
        recoveries.push({ fault, seconds });
        // A restarted broker's CPU counts from its restart: only meaningful when it ran throughout.
        const cpu = (mosquitto.cpuSeconds() - phaseStart.cpu) / ((Date.now() - phaseStart.at) / 1000);
        log(
          `${fault}: recovered ${seconds.toFixed(1)} s after the fault ended${timedOut ? ' (timed out)' : ''}${cpu >= 0 ? `; Mosquitto used ${(cpu * 100).toFixed(0)}% of a core meanwhile` : ''}`,
        );
        await sleep(SETTLE_S * 1000);
      },
    });
    for (const fault of plan) if (FAULTS.includes(fault.key)) await fault.run();

    stopPolling = true;
    await progress;
    const csvs = fleets.map((_, p) => join(work, `acked-${p}.csv`));
    const finals = sumStats(
      await Promise.all(fleets.map((f, p) => f.send({ cmd: 'finish', csvPath: csvs[p]! }))),
    );
    await sleep(5000); // the last acked messages reach the database
    await watch.poll();
    const result = await db.compare(csvs);
    db.close();
    // For tracing a loss: every lost message's ts and ack time, and each broker crash.
    if (process.env.BENCH_LOST_JSON)
      writeFileSync(process.env.BENCH_LOST_JSON, JSON.stringify({ phases, crashes, lost: result.lost }));
    const losses = attributeLosses(result.lost, phases, crashes, (mosquitto.autosaveS + 1) * 1000);
    const worst = recoveries.reduce((a, b) => (b.seconds > a.seconds ? b : a), { fault: 'none', seconds: 0 });
    log(
      `acked ${finals.ackedUnique} unique, ack errors ${finals.ackErrors}, outbox left ${finals.outbox}, dead letters ${result.deadLetters}, platform crashes ${platform.crashes}, false: ${watch.describe()}, load ${load()}`,
    );
    for (const r of recoveries) log(`  recovery ${r.fault}: ${r.seconds.toFixed(1)} s`);
    for (const [name, n] of losses.platform) log(`  lost by the platform: ${n} acked during ${name}`);
    log(
      `  lost in broker crash: ${losses.unsavedWindow} acked within Mosquitto's unsaved window (autosave ${mosquitto.autosaveS} s) before its SIGKILL, ${losses.beforeResubscribe} acked after it and published before the ingestor had subscribed again (${losses.resentAfterKill} of them published before the kill, resent by MQTT.js to the restarted broker)`,
    );
    console.log(
      `faults: sent ${finals.sent}, stored ${result.stored}, lost ${lostByPlatform(losses)}, duplicates ${result.duplicates}, false incidents ${watch.count}, max recovery ${worst.seconds.toFixed(1)} s (${worst.fault}); lost in broker crash ${lostInBrokerCrash(losses)}`,
    );
  } finally {
    stopPolling = true;
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

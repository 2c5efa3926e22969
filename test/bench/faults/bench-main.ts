import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../support/free-port';
import { FleetControl, sumStats, type FleetStats } from './fleet-control';
import { IncidentWatch } from './incident-watch';
import { startPersistentMosquitto } from './persistent-mosquitto';
import { PlatformProcess } from './platform-process';
import { startPostgres } from './postgres';

/**
 * npm run bench:faults: a simulated fleet through a private Mosquitto into the real platform
 * and a private PostgreSQL, under five faults one after another; then acked vs stored by seq.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TERMINALS = env('BENCH_TERMINALS', 5000);
const RATE = env('BENCH_RATE', 6000);
const SETTLE_S = env('BENCH_SETTLE_S', 30);
const WARMUP_S = env('BENCH_WARMUP_S', 20);
const PG_DOWN_S = env('BENCH_PG_DOWN_S', 20);
const BACKLOG = env('BENCH_BACKLOG_PER_TERMINAL', 30); // one message a minute for 30 minutes
const DUPLICATES = env('BENCH_DUPLICATES_PER_TERMINAL', 5);
const BAD_PER_TERMINAL = env('BENCH_BAD_PER_TERMINAL', 5);
const RECOVERY_TIMEOUT_S = env('BENCH_RECOVERY_TIMEOUT_S', 180);
const PROCESSES = env('BENCH_FLEET_PROCESSES', 2);
const RAW_TABLES = ['heartbeats', 'signal_samples'];
const PREFIX = 'FT';
const ADMIN = { user: 'bench-admin', password: 'bench-faults-password-1' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function main(): Promise<void> {
  log(
    `faults bench: ${TERMINALS} terminals, ${RATE} msg/s, settle ${SETTLE_S} s, ${PROCESSES} fleet processes, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const pg = await startPostgres();
  const mosquitto = await startPersistentMosquitto();
  const platform = new PlatformProcess({
    mqttUrl: mosquitto.url,
    databaseUrl: pg.url,
    port: await freePort(),
    adminUser: ADMIN.user,
    adminPassword: ADMIN.password,
  });
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
    log(`platform up at ${platform.baseUrl}, broker ${mosquitto.url}, database ${pg.url}`);
    const ids = Array.from({ length: TERMINALS }, (_, i) => `${PREFIX}${i.toString().padStart(6, '0')}`);
    for (let p = 0; p < PROCESSES; p += 1) fleets.push(await FleetControl.start());
    await Promise.all(
      fleets.map((f, p) =>
        f.send({
          cmd: 'start',
          url: mosquitto.url,
          ids: ids.filter((_, i) => i % PROCESSES === p),
          rate: RATE / PROCESSES,
        }),
      ),
    );
    const fleetStats = async (): Promise<FleetStats> =>
      sumStats(await Promise.all(fleets.map((f) => f.send({ cmd: 'stats' }))));
    const db = new DbCounter(pg.url);

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

    await sleep(WARMUP_S * 1000);
    const recoveries: Array<{ fault: string; seconds: number }> = [];
    const phases = [{ name: 'warm-up', from: t0 }];
    const phase = (name: string) => {
      phases.push({ name, from: Date.now() });
      log(name);
    };
    const recover = async (fault: string) => {
      // Caught up: every terminal connected with a normal outbox (≤ 1 s of traffic), and
      // everything acked by then is stored.
      const end = Date.now();
      while (Date.now() - end < RECOVERY_TIMEOUT_S * 1000) {
        const s = await fleetStats();
        const stored = await db.stored();
        if (
          s.connected === TERMINALS &&
          s.outbox <= RATE &&
          stored !== undefined &&
          stored >= s.ackedUnique - RATE / 2
        ) {
          const target = s.ackedUnique;
          while (Date.now() - end < RECOVERY_TIMEOUT_S * 1000 && ((await db.stored()) ?? 0) < target)
            await sleep(250);
          break;
        }
        await sleep(500);
      }
      const seconds = (Date.now() - end) / 1000;
      recoveries.push({ fault, seconds });
      log(
        `${fault}: caught up ${seconds.toFixed(1)} s after the fault ended${seconds >= RECOVERY_TIMEOUT_S ? ' (timed out)' : ''}`,
      );
      await sleep(SETTLE_S * 1000);
    };

    phase('fault 1: kill -9 of the platform, restart');
    await platform.killHard();
    await platform.start();
    await recover('platform kill -9');

    phase(`fault 2: PostgreSQL stopped for ${PG_DOWN_S} s`);
    db.close();
    pg.stop();
    await sleep(PG_DOWN_S * 1000);
    pg.start();
    await recover('postgres stop');

    phase('fault 3: Mosquitto SIGKILL, restart on the same port with persistence');
    await mosquitto.kill();
    await sleep(2000);
    await mosquitto.start();
    await recover('mosquitto kill');

    phase(
      `fault 4: reconnect storm, ${BACKLOG} backlog messages (30 min old) and ${DUPLICATES} duplicates per terminal`,
    );
    await Promise.all(
      fleets.map((f) =>
        f.send({ cmd: 'storm', backlogPerTerminal: BACKLOG, duplicates: DUPLICATES, withinMs: 10_000 }),
      ),
    );
    await sleep(10_000);
    await recover('reconnect storm');

    phase(`fault 5: burst of bad and forbidden messages`);
    const badSent = await Promise.all(
      fleets.map((f) =>
        f.send<{ bad: number }>({
          cmd: 'bad',
          perTerminal: BAD_PER_TERMINAL,
          terminals: Math.ceil(TERMINALS / PROCESSES),
        }),
      ),
    );
    log(`  ${badSent.reduce((a, b) => a + b.bad, 0)} bad/forbidden messages published`);
    await recover('bad burst');

    stopPolling = true;
    await progress;
    const csvs = fleets.map((_, p) => join(work, `acked-${p}.csv`));
    const finals = sumStats(
      await Promise.all(fleets.map((f, p) => f.send({ cmd: 'finish', csvPath: csvs[p]! }))),
    );
    await sleep(5000); // the last acked messages reach the database
    await watch.poll();
    const result = await db.compare(csvs, phases);
    db.close();
    const worst = recoveries.reduce((a, b) => (b.seconds > a.seconds ? b : a), { fault: 'none', seconds: 0 });
    log(
      `acked ${finals.ackedUnique} unique, ack errors ${finals.ackErrors}, outbox left ${finals.outbox}, dead letters ${result.deadLetters}, platform crashes ${platform.crashes}, false: ${watch.describe()}, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const r of recoveries) log(`  recovery ${r.fault}: ${r.seconds.toFixed(1)} s`);
    for (const [name, n] of result.lostByPhase) log(`  lost ${n} sent during ${name}`);
    console.log(
      `faults: sent ${finals.sent}, stored ${result.stored}, lost ${result.lost}, duplicates ${result.duplicates}, false incidents ${watch.count}, max recovery ${worst.seconds.toFixed(1)} s (${worst.fault})`,
    );
  } finally {
    stopPolling = true;
    await cleanup();
  }
}

/** Counts on the raw tables; survives the database being down (returns undefined then). */
class DbCounter {
  private client: Client | undefined;
  constructor(private readonly url: string) {}

  async stored(): Promise<number | undefined> {
    try {
      const c = await this.connect();
      const sql = RAW_TABLES.map((t) => `select count(*)::bigint n from ${t}`).join(' union all ');
      const { rows } = await c.query<{ total: string }>(
        `select coalesce(sum(n), 0)::text total from (${sql}) x`,
      );
      return Number(rows[0]!.total);
    } catch {
      this.close();
      return undefined;
    }
  }

  /** lost = acked but not stored; duplicates = stored rows beyond one per (terminal, channel, seq). */
  async compare(csvPaths: string[], phases: Array<{ name: string; from: number }>) {
    const c = await this.connect();
    await c.query(`create temp table acked (terminal_id text, channel text, seq bigint, ts_ms bigint)`);
    for (const path of csvPaths) await c.query(`copy acked from '${path}' csv`);
    const stored = RAW_TABLES.map((t) => `select terminal_id, '${t}' tbl, seq from ${t}`).join(' union all ');
    const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
    const lostRows = await c.query<{ ts_ms: string }>(`select a.ts_ms::text from acked a where not exists (
          select 1 from (${stored}) s where s.terminal_id = a.terminal_id and s.seq = a.seq
            and s.tbl = case a.channel when 'heartbeat' then 'heartbeats' else 'signal_samples' end)`);
    // Which phase each lost message was sent in (backlog messages carry ts in the past).
    const lostByPhase = new Map<string, number>();
    for (const row of lostRows.rows) {
      const ts = Number(row.ts_ms);
      const phase = [...phases].reverse().find((p) => ts >= p.from)?.name ?? 'storm backlog (ts in the past)';
      lostByPhase.set(phase, (lostByPhase.get(phase) ?? 0) + 1);
    }
    return {
      lostByPhase,
      stored: await q(`select count(*)::text n from (${stored}) s`),
      lost: await q(`select count(*)::text n from acked a where not exists (
          select 1 from (${stored}) s where s.terminal_id = a.terminal_id and s.seq = a.seq
            and s.tbl = case a.channel when 'heartbeat' then 'heartbeats' else 'signal_samples' end)`),
      duplicates: await q(`select coalesce(sum(n - 1), 0)::text n from (
          select count(*) n from (${stored}) s group by terminal_id, tbl, seq having count(*) > 1) d`),
      deadLetters: await q(`select count(*)::text n from dead_letters`),
    };
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const c = new Client({ connectionString: this.url });
    c.on('error', () => this.close());
    await c.connect();
    this.client = c;
    return c;
  }

  close(): void {
    this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { FleetControl } from './fleet-control';
import type { BrokerCrash } from './loss-attribution';
import type { KillableMosquitto } from './persistent-mosquitto';
import type { PlatformProcess } from './platform-process';
import type { PrivatePostgres } from '../../support/private-postgres';
import type { StoreProbe } from './store-probe';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PG_DOWN_S = env('BENCH_PG_DOWN_S', 20);
const BACKLOG = env('BENCH_BACKLOG_PER_TERMINAL', 30); // one message a minute for 30 minutes
const DUPLICATES = env('BENCH_DUPLICATES_PER_TERMINAL', 5);
const BAD_PER_TERMINAL = env('BENCH_BAD_PER_TERMINAL', 5);

export interface FaultContext {
  platform: PlatformProcess;
  pg: PrivatePostgres;
  mosquitto: KillableMosquitto;
  fleets: FleetControl[];
  db: StoreProbe;
  terminals: number;
  /** Each Mosquitto kill, for telling its losses apart. */
  crashes: BrokerCrash[];
  log(line: string): void;
  /** Marks the start of a fault (losses are attributed by when they were acked). */
  phase(name: string): void;
  /** Waits until the platform has recovered from the fault just ended, then settles. */
  recover(fault: string): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Kills Mosquitto, starts it again after 2 s (then runs `meanwhile`) and records when the
 * ingestor was back on it. With a full buffer the ingestor reads its SUBACK only once it
 * drains, so after a backlog the time recorded is late, never early.
 */
async function killBroker(
  c: FaultContext,
  meanwhile: () => Promise<void> = async () => undefined,
): Promise<void> {
  const killedAt = Date.now();
  await c.mosquitto.kill();
  await sleep(2000);
  await c.mosquitto.start();
  await meanwhile();
  const resubscribedAt = await c.platform.brokerReachable();
  c.crashes.push({ killedAt, resubscribedAt });
  c.log(
    `  the ingestor was back on the broker ${((resubscribedAt - killedAt) / 1000).toFixed(1)} s after the kill`,
  );
}

/**
 * The five faults, in the order they run; `key` is what BENCH_FAULTS names. A sixth,
 * `backlog-kill` (not run by default), kills Mosquitto while it holds a backlog for the
 * ingestor (the database stopped), which is when its unsaved window can cost messages.
 */
export function faultPlan(c: FaultContext): Array<{ key: string; run: () => Promise<void> }> {
  return [
    {
      key: 'kill',
      run: async () => {
        c.phase('fault 1: kill -9 of the platform, restart');
        await c.platform.killHard();
        await c.platform.start();
        await c.recover('platform kill -9');
      },
    },
    {
      key: 'postgres',
      run: async () => {
        c.phase(`fault 2: PostgreSQL stopped for ${PG_DOWN_S} s`);
        c.db.close();
        await c.pg.stop();
        await sleep(PG_DOWN_S * 1000);
        await c.pg.start();
        await c.recover('postgres stop');
      },
    },
    {
      key: 'mosquitto',
      run: async () => {
        c.phase('fault 3: Mosquitto SIGKILL, restart on the same port with persistence');
        const killedAt = Date.now();
        await c.mosquitto.kill();
        await sleep(2000);
        await c.mosquitto.start();
        const resubscribedAt = await c.platform.brokerReachable();
        c.crashes.push({ killedAt, resubscribedAt });
        c.log(
          `  the ingestor was back on the broker ${((resubscribedAt - killedAt) / 1000).toFixed(1)} s after the kill`,
        );
        await c.recover('mosquitto kill');
      },
    },
    {
      key: 'storm',
      run: async () => {
        c.phase(
          `fault 4: reconnect storm, ${BACKLOG} backlog messages (30 min old) and ${DUPLICATES} duplicates per terminal`,
        );
        await Promise.all(
          c.fleets.map((f) =>
            f.send({ cmd: 'storm', backlogPerTerminal: BACKLOG, duplicates: DUPLICATES, withinMs: 10_000 }),
          ),
        );
        await sleep(10_000);
        await c.recover('reconnect storm');
      },
    },
    {
      key: 'bad',
      run: async () => {
        c.phase('fault 5: burst of bad and forbidden messages');
        const sent = await Promise.all(
          c.fleets.map((f) =>
            f.send<{ bad: number }>({
              cmd: 'bad',
              perTerminal: BAD_PER_TERMINAL,
              terminals: Math.ceil(c.terminals / c.fleets.length),
            }),
          ),
        );
        c.log(`  ${sent.reduce((a, b) => a + b.bad, 0)} bad/forbidden messages published`);
        await c.recover('bad burst');
      },
    },
    {
      key: 'backlog-kill',
      run: async () => {
        c.phase(
          `Mosquitto SIGKILL with a backlog: PostgreSQL stopped for ${PG_DOWN_S} s, the broker killed at its end`,
        );
        c.db.close();
        await c.pg.stop();
        const cpu = c.mosquitto.cpuSeconds();
        await sleep(PG_DOWN_S * 1000);
        c.log(
          `  Mosquitto used ${(((c.mosquitto.cpuSeconds() - cpu) / PG_DOWN_S) * 100).toFixed(0)}% of a core while the backlog grew`,
        );
        await killBroker(c, () => c.pg.start());
        await c.recover('mosquitto kill with a backlog');
      },
    },
  ];
}

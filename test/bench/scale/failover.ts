import { importTerminals, publishAll } from '../../scale/support/fleet-api';
import { startPlatformProcess, type PlatformProcess } from '../../scale/support/platform-process';
import type { ScenarioMessage } from '../../scale/support/scenario';
import { validPayload } from '../../../apps/api/src/ingest/testing/terminal-messages';

export interface FailoverOptions {
  /** A migrated or empty PostgreSQL database the processes share (the bench's own). */
  databaseUrl: string;
  /** An external broker (Mosquitto) the ingest process subscribes to. */
  mqttUrl: string;
  terminals?: number;
  log?: (line: string) => void;
}

const MIN = 60_000;
const TAKEOVER_LIMIT_MS = 120_000;

async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  limitMs: number,
  what: string,
) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${limitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stored = async (p: PlatformProcess) =>
  ((await (await fetch(`${p.baseUrl}/api/v1/health`)).json()) as { ingest: { stored: number } }).ingest
    .stored;

/**
 * The BUILT platform as three processes (risk, a standby risk, ingest) on `terminals`
 * terminals with recent telemetry; `kill -9` of the risk process, then the time until the
 * standby has taken every partition, rebuilt their histories from the database and written
 * its first sweep ("risk: loaded … terminals" in its log).
 */
export async function measureFailover(options: FailoverOptions): Promise<{ seconds: number }> {
  const { terminals = 10_000, log = () => undefined } = options;
  const shared = { databaseUrl: options.databaseUrl, mqttUrl: options.mqttUrl };
  const processes: PlatformProcess[] = [];
  try {
    const risk = await startPlatformProcess('risk', { ...shared, roles: 'risk,http' });
    processes.push(risk);
    const ingest = await startPlatformProcess('ingest', { ...shared, roles: 'ingest,http' });
    processes.push(ingest);
    const ids = Array.from({ length: terminals }, (_, i) => `F${String(i).padStart(6, '0')}`);
    for (let i = 0; i < ids.length; i += 5000) {
      await importTerminals(
        ingest,
        ids.slice(i, i + 5000).map((terminalId, k) => ({
          terminalId,
          merchantId: `M${terminalId}`,
          merchantName: `Shop ${i + k}`,
          region: ['north', 'south', 'east'][k % 3],
          lat: 30 + (k % 100) / 10,
          lon: 110 + (k % 50) / 10,
        })),
      );
    }
    const base = Date.now();
    const messages = ids.flatMap((tid, i): ScenarioMessage[] => [
      [tid, 'heartbeat', validPayload('heartbeat', base - 2 * MIN, 0)],
      [tid, 'signal', validPayload('signal', base - 2 * MIN, 0)],
      [tid, 'paper', validPayload('paper', base - MIN, 0, { status: i % 20 === 0 ? 'low' : 'ok' })],
    ]);
    await publishAll(options.mqttUrl, messages);
    await until(
      () => stored(ingest),
      (n) => n >= messages.length,
      TAKEOVER_LIMIT_MS,
      'ingest',
    );
    const standby = await startPlatformProcess('standby', { ...shared, roles: 'risk,http' });
    processes.push(standby);
    log(`${terminals} terminals stored; killing the risk process`);
    const killedAt = Date.now();
    await risk.kill();
    await until(
      () => standby.logged(/risk: loaded \d+ terminals/),
      (lines) => lines.length > 0,
      TAKEOVER_LIMIT_MS,
      'standby takeover',
    );
    const seconds = (Date.now() - killedAt) / 1000;
    log(`standby judging all ${terminals} terminals ${seconds.toFixed(1)} s after the kill`);
    return { seconds };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}

#!/usr/bin/env node
import { CliError, parseCli, USAGE, type CliOptions } from './cli-args';
import { buildFleet } from './fleet/build-fleet';
import { generateHistory } from './history/generate-history';
import { publishHistory } from './history/publish-history';
import { importTerminals } from './import-terminals';
import { startFleet } from './live/start-fleet';
import { DAY } from './time';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(options: CliOptions): Promise<void> {
  const fleet = buildFleet({ size: options.size, seed: options.seed, idPrefix: options.idPrefix });
  log(`fleet: ${options.size} terminals, seed ${options.seed}, ${fleet.labels.filter((l) => l.expectedCauses.length > 0).length} at risk now`);
  if (options.importUrl) log(`imported ${await importTerminals(options.importUrl, fleet.importRows, options.token)} terminals`);

  if (options.historyDays > 0) {
    const started = Date.now();
    const result = await publishHistory({
      brokerUrl: options.broker,
      protocolVersion: options.mqttVersion,
      messages: generateHistory({ fleet, from: fleet.now - options.historyDays * DAY, to: fleet.now }),
      onProgress: (p) => log(`backfill: ${p.published} published, ${p.errors} errors, ${Math.round(p.published / Math.max(1, p.elapsedMs / 1000))} msg/s`),
    });
    log(`backfill done: ${result.published} messages in ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.errors} errors`);
  }
  if (options.durationS === 0) return;

  let last = { at: Date.now(), published: 0 };
  const handle = await startFleet({
    brokerUrl: options.broker,
    fleet,
    protocolVersion: options.mqttVersion,
    speed: options.speed,
    onProgress: (s) => {
      const rate = ((s.published - last.published) * 1000) / Math.max(1, Date.now() - last.at);
      last = { at: Date.now(), published: s.published };
      log(`live: ${s.connected} connected, ${s.published} published, ${rate.toFixed(0)} msg/s, ${s.errors} errors${s.lastError ? ` (${s.lastError})` : ''}`);
    },
  });
  await new Promise<void>((resolve) => {
    const finish = () => resolve();
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    if (options.durationS !== undefined) setTimeout(finish, options.durationS * 1000).unref();
  });
  log('stopping: clean shutdown of every terminal…');
  await handle.stop();
  const s = handle.stats();
  log(`stopped: ${s.published} published, ${s.errors} errors`);
}

let options: CliOptions;
try {
  options = parseCli(process.argv.slice(2));
} catch (error) {
  log(`fleet-simulator: ${(error as Error).message}`);
  if (error instanceof CliError) log(USAGE);
  process.exit(2);
}
main(options).then(
  () => process.exit(0),
  (error: Error) => {
    log(`fleet-simulator: ${error.message}`);
    process.exit(1);
  },
);

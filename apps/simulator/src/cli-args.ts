import { parseArgs } from 'node:util';
import { ID_PREFIX_PATTERN } from './fleet/build-fleet';

export interface CliOptions {
  broker: string;
  size: number;
  seed: number;
  speed: number;
  historyDays: number;
  mqttVersion: 4 | 5;
  /** Seconds of live run; undefined = until Ctrl-C; 0 = no live run. */
  durationS?: number;
  importUrl?: string;
  token?: string;
  idPrefix: string;
}

export const USAGE = `usage: fleet-simulator --broker mqtt://host:1883 [--size 1000] [--seed 42] [--speed 1]
  [--history-days 0] [--mqtt-version 4|5] [--duration S] [--import-url http://localhost:3000/api/v1 --token T] [--id-prefix T]`;

export class CliError extends Error {
  override readonly name = 'CliError';
}

function number(name: string, raw: string | undefined, fallback: number, valid: (n: number) => boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !valid(value)) throw new CliError(`--${name}: bad value "${raw}"`);
  return value;
}

/** Parses and checks the command line; throws CliError naming the first bad flag. */
export function parseCli(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        broker: { type: 'string' },
        size: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        'history-days': { type: 'string' },
        'mqtt-version': { type: 'string' },
        duration: { type: 'string' },
        'import-url': { type: 'string' },
        token: { type: 'string' },
        'id-prefix': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const broker = values.broker;
  if (!broker || !/^(mqtts?|tcp|tls|wss?):\/\/\S+$/.test(broker)) throw new CliError('--broker: required, like mqtt://127.0.0.1:1883');
  const mqttVersion = number('mqtt-version', values['mqtt-version'], 4, (n) => n === 4 || n === 5) as 4 | 5;
  const importUrl = values['import-url'];
  if (importUrl !== undefined && !/^https?:\/\/\S+$/.test(importUrl)) throw new CliError('--import-url: must be an http(s) URL');
  const idPrefix = values['id-prefix'] ?? 'T';
  if (!ID_PREFIX_PATTERN.test(idPrefix)) throw new CliError('--id-prefix: at most 57 of [A-Za-z0-9_-]');
  return {
    broker,
    size: number('size', values.size, 1000, (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000),
    seed: number('seed', values.seed, 42, Number.isInteger),
    speed: number('speed', values.speed, 1, (n) => n > 0 && n <= 100_000),
    historyDays: number('history-days', values['history-days'], 0, (n) => n >= 0 && n <= 365),
    mqttVersion,
    durationS: values.duration === undefined ? undefined : number('duration', values.duration, 0, (n) => n >= 0),
    importUrl,
    token: values.token ?? process.env.FLEET_TOKEN,
    idPrefix,
  };
}

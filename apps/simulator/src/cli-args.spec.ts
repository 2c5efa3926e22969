import { describe, expect, it } from 'vitest';
import { CliError, parseCli } from './cli-args';

describe('parseCli', () => {
  it('reads every flag', () => {
    const o = parseCli(['--broker', 'mqtt://h:1883', '--size', '20', '--seed', '7', '--speed', '60', '--history-days', '2', '--mqtt-version', '5', '--duration', '30']);
    expect(o).toMatchObject({ broker: 'mqtt://h:1883', size: 20, seed: 7, speed: 60, historyDays: 2, mqttVersion: 5, durationS: 30 });
  });

  it.each([
    [['--size', '10'], /--broker/],
    [['--broker', 'mqtt://h', '--size', 'many'], /--size/],
    [['--broker', 'mqtt://h', '--mqtt-version', '3'], /--mqtt-version/],
    [['--broker', 'mqtt://h', '--speed', '0'], /--speed/],
    [['--broker', 'mqtt://h', '--nope'], /nope/],
  ])('rejects %j with one clear error', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(CliError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { RETENTION, validate } from '../test-support/validate-at';
import { badMessages } from './bad-messages';

describe('badMessages', () => {
  const now = Date.parse('2025-03-10T04:00:00Z');
  const all = [...badMessages({ now, retentionDays: 30 })];

  it('covers every reject reason', () => {
    const reasons = new Set(all.map((m) => m.expect));
    for (const reason of ['bad_json', 'bad_utf8', 'not_an_object', 'schema', 'payload_too_large', 'ts_in_future', 'ts_too_old', 'unknown_channel', 'bad_terminal_id', 'topic_shape', 'topic_outside_fleet_v1', 'duplicate']) {
      expect(reasons, reason).toContain(reason);
    }
  });

  it.each(all.filter((m) => m.expect !== 'duplicate').map((m) => [m.name, m] as const))('%s fails validation with its stated reason', (_name, message) => {
    const result = validate(message.topic, message.payload, now, RETENTION);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(message.expect);
  });

  it('the duplicate is itself valid and sent twice', () => {
    const duplicate = all.find((m) => m.expect === 'duplicate');
    expect(duplicate?.copies).toBe(2);
    expect(duplicate && validate(duplicate.topic, duplicate.payload, now, RETENTION).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { validateMessage, type ValidationContext } from './validate';

const NOW = Date.UTC(2026, 5, 1, 12);
const DAY = 86_400_000;
const ctx: ValidationContext = { receivedAt: NOW, retentionMs: 30 * DAY };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const topic = (channel: string) => `fleet/v1/T-1/${channel}`;

describe('validateMessage: status without ts or seq (the Last Will of PROTOCOL.md §1)', () => {
  it('accepts the Will exactly as the contract shows it and dates it by its receive time', () => {
    const result = validateMessage(topic('status'), bytes({ online: false, reason: 'lost' }), ctx);
    expect(result).toEqual({
      ok: true,
      message: {
        terminalId: 'T-1',
        channel: 'status',
        ts: NOW,
        seq: 0,
        receivedAt: NOW,
        payload: { online: false, reason: 'lost', ts: NOW, seq: 0 },
      },
    });
  });

  it('accepts the undated connect status {"online":true}', () => {
    const result = validateMessage(topic('status'), bytes({ online: true }), ctx);
    expect(result.ok && result.message.ts).toBe(NOW);
  });

  it('lets the ingestor place a status on the device timeline', () => {
    const seen: unknown[] = [];
    const result = validateMessage(topic('status'), bytes({ online: false, reason: 'lost' }), {
      ...ctx,
      statusTime: (terminalId, status) => {
        seen.push([terminalId, status]);
        return NOW - 60_000;
      },
    });
    expect(seen).toEqual([['T-1', { online: false, reason: 'lost' }]]);
    expect(result.ok && result.message.ts).toBe(NOW - 60_000);
    expect(result.ok && result.message.payload.ts).toBe(NOW - 60_000);
  });

  it('keeps the ts and seq of a dated status', () => {
    const ts = new Date(NOW - 3_600_000).toISOString();
    const result = validateMessage(topic('status'), bytes({ ts, seq: 7, online: false, reason: 'shutdown' }), ctx);
    expect(result.ok && [result.message.ts, result.message.seq]).toEqual([NOW - 3_600_000, 7]);
  });

  it('still rejects a dated status from too far in the future', () => {
    const ts = new Date(NOW + 10 * 60_000).toISOString();
    const result = validateMessage(topic('status'), bytes({ ts, seq: 1, online: true }), ctx);
    expect(result).toMatchObject({ ok: false, reason: 'ts_in_future' });
  });

  it('still requires ts and seq on every other channel', () => {
    const result = validateMessage(topic('heartbeat'), bytes({ intervalS: 60 }), ctx);
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    expect(!result.ok && result.detail).toMatch(/ts/);
  });

  it('rejects a status whose online flag is missing', () => {
    const result = validateMessage(topic('status'), bytes({ reason: 'lost' }), ctx);
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
  });
});

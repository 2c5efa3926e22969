import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/telemetry-factory';
import { buildRawInserts, messageKey, uniqueMessages, withoutKeys } from './raw-insert';

describe('buildRawInserts', () => {
  it('builds one statement per channel, with one array parameter per column', () => {
    const inserts = buildRawInserts([
      makeMessage('heartbeat', { seq: 1 }),
      makeMessage('signal', { payload: { cellId: 4711, lineOk: false } }),
      makeMessage('heartbeat', { seq: 2, payload: { fw: 'a"b' } }),
    ]);
    expect(inserts.map((i) => i.channel)).toEqual(['heartbeat', 'signal']);
    const heartbeat = inserts[0]!;
    expect(heartbeat.sql).toMatch(/insert into heartbeats \(terminal_id, ts, seq, received_at, interval_s/);
    expect(heartbeat.sql).toContain('on conflict do nothing');
    expect(heartbeat.parameters).toHaveLength(4 + 7);
    expect(heartbeat.parameters[2]).toBe('{1,2}');
    expect(heartbeat.parameters[9]).toBe('{NULL,"a\\"b"}');
    const signal = inserts[1]!;
    expect(signal.parameters).toContain('{"4711"}');
    expect(signal.parameters).toContain('{f}');
  });

  it('builds bare inserts in plain mode, which fail on a stored key instead of skipping it', () => {
    const [plain] = buildRawInserts([makeMessage('paper', { seq: 1 })], 'plain');
    expect(plain!.sql).toMatch(/insert into paper_samples \(terminal_id, ts, seq, received_at, status\)/);
    expect(plain!.sql).not.toContain('on conflict');
    expect(plain!.sql).not.toContain('returning');
    expect(plain!.parameters).toHaveLength(4 + 1);
  });

  it('keys messages by channel, terminal, ts and seq', () => {
    expect(messageKey('heartbeat', 'a', 1, 2)).not.toBe(messageKey('heartbeat', 'a', 12, 0));
    expect(messageKey('heartbeat', 'a', 1, 2)).not.toBe(messageKey('signal', 'a', 1, 2));
  });

  it('drops repeated copies inside a batch and already stored messages', () => {
    const hb = makeMessage('heartbeat', { ts: 1000, seq: 1 });
    const other = makeMessage('heartbeat', { ts: 1000, seq: 2 });
    const unique = uniqueMessages([hb, { ...hb }, other]);
    expect(unique).toEqual([hb, other]);
    expect(withoutKeys(unique, new Set([messageKey('heartbeat', hb.terminalId, 1000, 1)]))).toEqual([other]);
  });
});

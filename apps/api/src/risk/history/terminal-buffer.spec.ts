import { describe, expect, it } from 'vitest';
import { assessTerminal } from '@fleet/telemetry/risk/assess';
import { makeMessage } from '../../storage/testing/telemetry-factory';
import { TerminalBuffer } from './terminal-buffer';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-04T12:00:00Z');

describe('TerminalBuffer', () => {
  it('keeps one heartbeat per hour and remembers the newest proof of life', () => {
    const b = new TerminalBuffer('T1');
    for (let t = NOW - 2 * HOUR; t <= NOW; t += 60_000)
      b.apply(makeMessage('heartbeat', { terminalId: 'T1', ts: t }));
    expect(b.heartbeats.map((h) => h.ts)).toEqual([NOW - HOUR - 60_000, NOW - 60_000, NOW]);
    expect(b.lastSeenAt).toBe(NOW);
  });

  it('keeps the current paper run as its first and newest reading', () => {
    const b = new TerminalBuffer('T1');
    for (const [ts, status] of [
      [1, 'ok'],
      [2, 'low'],
      [3, 'low'],
      [4, 'low'],
    ] as const) {
      b.apply(
        makeMessage('paper', { terminalId: 'T1', ts: NOW - 10 * HOUR + ts * HOUR, payload: { status } }),
      );
    }
    expect(b.paper.map((p) => p.status)).toEqual(['low', 'low']);
    expect(b.paper[0]!.ts).toBe(NOW - 8 * HOUR);
  });

  it('counts a duplicate transaction window once', () => {
    const b = new TerminalBuffer('T1');
    const window = makeMessage('txn', { terminalId: 'T1', ts: NOW - 30 * 60_000, payload: { approved: 7 } });
    b.apply(window);
    b.apply(window);
    expect(b.txn).toHaveLength(1);
    expect(b.txn[0]!.approved).toBe(7);
  });

  it('takes each status at its ts, so a stale offline status flushed late does not make it OFFLINE', () => {
    const b = new TerminalBuffer('T1');
    for (let t = NOW - HOUR; t <= NOW; t += 60_000)
      b.apply(makeMessage('heartbeat', { terminalId: 'T1', ts: t }));
    b.apply(
      makeMessage('status', {
        terminalId: 'T1',
        ts: NOW - 30 * HOUR,
        receivedAt: NOW,
        payload: { online: false, reason: 'lost' },
      }),
    );
    expect(b.status).toEqual([{ ts: NOW - 30 * HOUR, online: false, reason: 'lost' }]);
    expect(b.lastSeenAt).toBe(NOW);
    expect(assessTerminal(b, NOW).causes.map((c) => c.code)).not.toContain('OFFLINE');
  });

  it('takes a Last Will at its ts (the ingestor dated it), and later traffic clears it', () => {
    const b = new TerminalBuffer('T1');
    b.apply(makeMessage('heartbeat', { terminalId: 'T1', ts: NOW - 2 * HOUR }));
    const will = {
      terminalId: 'T1',
      ts: NOW - 2 * HOUR + 1,
      receivedAt: NOW,
      payload: { online: false, reason: 'lost' },
    };
    b.apply(makeMessage('status', will));
    expect(b.status.at(-1)).toEqual({ ts: NOW - 2 * HOUR + 1, online: false, reason: 'lost' });
    expect(assessTerminal(b, NOW - HOUR).causes.map((c) => c.code)).toContain('OFFLINE');
    for (let t = NOW - HOUR; t <= NOW; t += 60_000)
      b.apply(makeMessage('heartbeat', { terminalId: 'T1', ts: t }));
    expect(assessTerminal(b, NOW).causes.map((c) => c.code)).not.toContain('OFFLINE');
  });

  it('folds signal older than six hours into hourly medians when trimmed', () => {
    const b = new TerminalBuffer('T1');
    for (let t = NOW - 10 * HOUR; t <= NOW; t += 5 * 60_000)
      b.apply(makeMessage('signal', { terminalId: 'T1', ts: t }));
    b.trim(NOW);
    const old = b.signal.filter((s) => s.ts < NOW - 6 * HOUR);
    expect(old.length).toBeLessThanOrEqual(4);
    expect(b.signal.length).toBeLessThan(4 + 6 * 12 + 2);
    expect(b.meta.mccMnc).toBe('46000');
  });

  it('keeps signal that arrives after its hours were folded (a back-fill), folding it again', () => {
    const b = new TerminalBuffer('T1');
    for (let t = NOW - HOUR; t <= NOW; t += 5 * 60_000)
      b.apply(makeMessage('signal', { terminalId: 'T1', ts: t }));
    b.trim(NOW);
    for (let t = NOW - 20 * HOUR; t < NOW - 7 * HOUR; t += 5 * 60_000) {
      b.apply(makeMessage('signal', { terminalId: 'T1', ts: t, payload: { rsrpDbm: -112 } }));
    }
    b.trim(NOW);
    const old = b.signal.filter((s) => s.ts < NOW - 6 * HOUR);
    expect(old).toHaveLength(13);
    expect(old.every((s) => s.rsrpDbm === -112)).toBe(true);
  });
});

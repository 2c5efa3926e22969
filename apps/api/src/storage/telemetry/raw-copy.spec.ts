import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/telemetry-factory';
import { buildRawCopies } from './raw-copy';

const T = Date.UTC(2026, 10, 26, 12, 0, 0, 5);

describe('buildRawCopies', () => {
  it('builds one COPY per channel with one escaped line per message', () => {
    const copies = buildRawCopies([
      makeMessage('event', {
        terminalId: 'T\\1',
        ts: T,
        seq: 7,
        payload: { code: 'A\tB', detail: 'x\ny "q" ü\0' },
      }),
      makeMessage('heartbeat', { terminalId: 'T-2', ts: T, seq: 1, receivedAt: T + 1000 }),
      makeMessage('event', { terminalId: 'T-3', ts: T + 1, seq: 8 }),
    ]);
    expect(copies.map((c) => c.channel)).toEqual(['event', 'heartbeat']);
    const [events, heartbeats] = copies;
    expect(events!.sql).toBe('copy events (terminal_id, ts, seq, received_at, code, detail) from stdin');
    expect(events!.text).toBe(
      'T\\\\1\t2026-11-26T12:00:00.005Z\t7\t2026-11-26T12:00:01.005Z\tA\\tB\tx\\ny "q" ü\n' +
        'T-3\t2026-11-26T12:00:00.006Z\t8\t2026-11-26T12:00:01.006Z\tREBOOT\t\\N\n',
    );
    expect(heartbeats!.sql).toBe(
      'copy heartbeats (terminal_id, ts, seq, received_at, interval_s, uptime_s, comm, power, battery_pct, fw, model) from stdin',
    );
    expect(heartbeats!.text).toBe(
      'T-2\t2026-11-26T12:00:00.005Z\t1\t2026-11-26T12:00:01.005Z\t60\t3600\t4g\tmains\t\\N\t\\N\t\\N\n',
    );
  });
});

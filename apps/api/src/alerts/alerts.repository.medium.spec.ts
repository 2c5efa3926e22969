import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEachDriver } from '../storage/testing/each-driver.medium';
import { AlertsRepository, type NewAlert } from './alerts.repository';

const AT = new Date('2026-12-06T08:00:00Z');

function newAlert(overrides: Partial<NewAlert> = {}): NewAlert {
  return {
    id: randomUUID(),
    code: 'PAPER_OUT',
    severity: 'warning',
    dedupKey: 'terminal:R-1:PAPER_OUT',
    terminalId: 'R-1',
    at: AT,
    evidence: { text: 'paper out', score: 30 },
    recommendedAction: 'send paper',
    ...overrides,
  };
}

describeOnEachDriver('AlertsRepository on %s', (test) => {
  const repository = () => new AlertsRepository(test().database);

  it('refuses a second live alert for one dedup key, and allows one once the first is resolved', async () => {
    const r = repository();
    const first = newAlert();
    await r.transaction((trx) => r.insert(trx, first));
    await expect(r.transaction((trx) => r.insert(trx, newAlert()))).rejects.toThrow();
    expect(await r.transaction((trx) => r.resolve(trx, first.id, 'system', 'gone', AT))).toBe(true);
    await r.transaction((trx) => r.insert(trx, newAlert()));
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from alerts where dedup_key = 'terminal:R-1:PAPER_OUT'`.execute(
      test().database.db,
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('changes state only from the states that allow it', async () => {
    const r = repository();
    const a = newAlert({ dedupKey: 'terminal:R-2:PAPER_OUT', terminalId: 'R-2' });
    await r.transaction((trx) => r.insert(trx, a));
    expect(await r.transaction((trx) => r.reopen(trx, a.id, { ...a, severity: 'major' }))).toBe(false);
    expect(await r.transaction((trx) => r.acknowledge(trx, a.id, 'ann', 'on it', AT))).toBe(true);
    expect(await r.transaction((trx) => r.acknowledge(trx, a.id, 'bob', null, AT))).toBe(false);
    expect(await r.transaction((trx) => r.resolve(trx, a.id, 'ann', 'fixed', AT))).toBe(true);
    expect(await r.transaction((trx) => r.resolve(trx, a.id, 'ann', 'again', AT))).toBe(false);
    expect(await r.transaction((trx) => r.reopen(trx, a.id, { ...a, severity: 'major' }))).toBe(true);
    const row = await r.get(a.id, { kind: 'all' });
    expect(row).toMatchObject({
      state: 'open',
      severity: 'major',
      occurrences: 2,
      acknowledged_by: null,
      resolved_at: null,
      evidence: { text: 'paper out', score: 30 },
    });
  });

  it('keeps the timeline in order with its detail', async () => {
    const r = repository();
    const a = newAlert({ dedupKey: 'terminal:R-3:PAPER_OUT', terminalId: 'R-3' });
    await r.transaction(async (trx) => {
      await r.insert(trx, a);
      await r.addEvent(trx, a.id, AT, 'opened', 'system', { severity: 'warning' });
      await r.addEvent(trx, a.id, new Date(AT.getTime() + 1000), 'acknowledged', 'ann', { note: 'x' });
    });
    expect((await r.timeline(a.id)).map((e) => [e.kind, e.actor, e.detail])).toEqual([
      ['opened', 'system', { severity: 'warning' }],
      ['acknowledged', 'ann', { note: 'x' }],
    ]);
  });
});

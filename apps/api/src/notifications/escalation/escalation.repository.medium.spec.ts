import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { EscalationRepository } from './escalation.repository';

const T0 = Date.parse('2026-03-04T05:00:00Z');
const MIN = 60_000;

describe('EscalationRepository on the migrated embedded database', () => {
  let test: TestDatabase;
  let repository: EscalationRepository;

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    repository = new EscalationRepository(test.database);
  });
  afterAll(async () => {
    await test?.drop();
  });

  async function insertAlert(): Promise<string> {
    const id = randomUUID();
    await sql`insert into alerts (id, code, severity, state, dedup_key, incident_id, opened_at, last_raised_at)
      values (${id}, 'CARRIER_OUTAGE', 'critical', 'open', ${`incident:${id}`}, ${`INC-${id}`},
        ${new Date(T0)}, ${new Date(T0)})`.execute(test.database.db);
    return id;
  }
  const kinds = async (id: string) =>
    (
      await sql<{ kind: string }>`select kind from alert_events where alert_id = ${id} order by id`.execute(
        test.database.db,
      )
    ).rows.map((row) => row.kind);

  it('records a step once: the same reminder again changes nothing and adds no timeline entry', async () => {
    const id = await insertAlert();
    const reminder = { kind: 'reminder' as const, number: 1, dueAt: T0 + 30 * MIN };
    expect(await repository.record(id, new Date(T0), reminder, {}, new Date(reminder.dueAt))).toBe(true);
    expect(await repository.record(id, new Date(T0), reminder, {}, new Date(reminder.dueAt))).toBe(false);
    const escalation = { kind: 'escalation' as const, level: 2, dueAt: T0 + 30 * MIN };
    expect(await repository.record(id, new Date(T0), escalation, {}, new Date(escalation.dueAt))).toBe(true);
    expect(await kinds(id)).toEqual(['reminded', 'escalated']);
    expect((await repository.progressOf([{ id, raisedAt: T0 }])).get(id)).toEqual({
      remindersSent: 1,
      level: 2,
    });
  });

  it('forgets the progress of an earlier open period once the alert reopened', async () => {
    const id = await insertAlert();
    const escalation = { kind: 'escalation' as const, level: 3, dueAt: T0 + 2 * 60 * MIN };
    await repository.record(id, new Date(T0), escalation, {}, new Date(escalation.dueAt));
    const reopened = T0 + 5 * 60 * MIN;
    expect((await repository.progressOf([{ id, raisedAt: reopened }])).get(id)).toBeUndefined();
    const reminder = { kind: 'reminder' as const, number: 1, dueAt: reopened + 30 * MIN };
    expect(await repository.record(id, new Date(reopened), reminder, {}, new Date(reminder.dueAt))).toBe(
      true,
    );
    expect((await repository.progressOf([{ id, raisedAt: reopened }])).get(id)).toEqual({
      remindersSent: 1,
      level: 1,
    });
  });
});

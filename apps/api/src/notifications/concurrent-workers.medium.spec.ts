import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { ManualClock } from './testing/manual-clock';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';
import { startWebhookTestReceiver, type WebhookTestReceiver } from './testing/webhook-test-receiver';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const T0 = Date.parse('2026-03-04T05:00:00Z');
const COUNT = 60;
const run = await postgresAvailableOrSkip();

describe.runIf(run)('two API processes working one outbox on a real PostgreSQL', () => {
  let test: TestDatabase;
  let receiver: WebhookTestReceiver;
  const apps: NotificationsTestApp[] = [];
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    // Each answer takes a while, so both workers are sending at the same time.
    receiver = await startWebhookTestReceiver(SECRET, [], 15);
    for (let i = 0; i < 2; i += 1) {
      // Each app opens its own connection pool through StorageModule, like a separate process.
      apps.push(
        await startNotificationsTestApp({
          env: { DATABASE_URL: test.databaseUrl, NOTIFY_WEBHOOK_SECRET: SECRET },
          clock,
          options: { batchSize: 4 },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await receiver?.close();
    await test?.drop();
  });

  it('sends each notification exactly once between them', async () => {
    const [a, b] = apps as [NotificationsTestApp, NotificationsTestApp];
    for (let i = 0; i < COUNT; i += 1) {
      await a.outbox.enqueue(
        {
          recipientUserId: null,
          channel: 'webhook',
          address: receiver.url,
          idempotencyKey: `concurrent-${i}`,
          subject: `notification ${i}`,
          bodyText: 'body',
        },
        new Date(T0),
      );
    }
    const [fromA, fromB] = await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);

    expect(fromA.sent + fromB.sent).toBe(COUNT);
    const keys = receiver.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(COUNT);
    expect(new Set(keys).size).toBe(COUNT);
    const rows = await Promise.all(
      Array.from({ length: COUNT }, (_, i) => a.outbox.findByKey(`concurrent-${i}`)),
    );
    expect(rows.every((row) => row?.state === 'sent' && row.attempts === 1)).toBe(true);
  });
});

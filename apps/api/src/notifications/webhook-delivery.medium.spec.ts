import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { SIGNATURE_HEADER } from './channels/webhook-channel';
import { DEFAULT_NOTIFICATION_OPTIONS } from './notification-options';
import { makeAlert } from './testing/alert-factory';
import { ManualClock } from './testing/manual-clock';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';
import { startWebhookTestReceiver, type WebhookTestReceiver } from './testing/webhook-test-receiver';

const T0 = Date.parse('2026-03-04T05:00:00Z');
const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const retry = { maxAttempts: 5, minDelayMs: 2_000, maxDelayMs: 60_000 };
const { groupWaitMs } = DEFAULT_NOTIFICATION_OPTIONS.grouping;

describe('alert webhooks to a real HTTP receiver', () => {
  let test: TestDatabase;
  let app: NotificationsTestApp;
  let receiver: WebhookTestReceiver | undefined;
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    app = await startNotificationsTestApp({
      env: { NOTIFY_WEBHOOK_SECRET: SECRET },
      database: test.database,
      clock,
      options: { retry },
    });
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  it('a receiver answering 500 twice then 200 gets it once, signed, after three recorded attempts', async () => {
    const hooks = await startWebhookTestReceiver(SECRET, [500, 500]);
    receiver = hooks;
    const alert = makeAlert({ terminalId: 'T-0007' });
    await app.notifier.notify([{ kind: 'webhook', url: hooks.url }], alert);
    clock.advance(groupWaitMs);

    expect((await app.worker.runOnce()).retried).toBe(1);
    clock.advance(retry.minDelayMs);
    expect((await app.worker.runOnce()).retried).toBe(1);
    clock.advance(retry.minDelayMs * 2 - 1);
    expect(await app.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect((await app.worker.runOnce()).sent).toBe(1);
    clock.advance(3_600_000);
    expect(await app.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(hooks.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(hooks.requests.every((r) => r.signatureValid)).toBe(true);
    expect(hooks.requests[0]?.headers[SIGNATURE_HEADER.toLowerCase()]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const keys = new Set(hooks.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    const [delivered] = hooks.delivered();
    expect(hooks.delivered()).toHaveLength(1);
    expect(delivered?.idempotencyKey).toBe([...keys][0]);
    expect(delivered?.payload).toMatchObject({
      kind: 'alerts',
      alerts: [{ id: alert.id, change: 'opened', code: 'SIM_DATA_EXHAUSTION', terminalId: 'T-0007' }],
    });

    const row = await app.outbox.findById(delivered!.id);
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });
    const attempts = await app.outbox.attemptsOf(delivered!.id);
    expect(attempts.map((a) => [a.outcome, a.error])).toEqual([
      ['retry', 'webhook: answered 500'],
      ['retry', 'webhook: answered 500'],
      ['sent', null],
    ]);
  });

  it('a receiver that rejects the signature (401) is not retried', async () => {
    const hooks = await startWebhookTestReceiver('another-secret-that-is-long-enough-to-use');
    receiver = hooks;
    await app.notifier.notify([{ kind: 'webhook', url: hooks.url }], makeAlert());
    clock.advance(groupWaitMs);
    expect((await app.worker.runOnce()).failed).toBe(1);
    clock.advance(3_600_000);
    await app.worker.runOnce();
    expect(hooks.requests.map((r) => r.status)).toEqual([401]);
  });

  it('an unreachable receiver is retried, not dropped', async () => {
    const hooks = await startWebhookTestReceiver(SECRET);
    const url = hooks.url;
    await hooks.close();
    await app.notifier.notify([{ kind: 'webhook', url }], makeAlert());
    clock.advance(groupWaitMs);
    expect((await app.worker.runOnce()).retried).toBe(1);
  });
});
